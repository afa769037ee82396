namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>What the procedure's guards read from a case, and where a resumed case goes back to.</summary>
public sealed record CollectionGuards(
    Func<bool> EvaluationRecorded,
    Func<bool> FirstVisitRecorded,
    Func<bool> ArchiveComplete,
    Func<bool> FeesRecorded,
    Func<CollectionCaseStatus> ResumeTo)
{
    /// <summary>Guards that always hold (for drawing the diagram and listing the triggers of a state).</summary>
    public static CollectionGuards Open { get; } = new(() => true, () => true, () => true, () => true, () => CollectionCaseStatus.MedicalExam);
}
