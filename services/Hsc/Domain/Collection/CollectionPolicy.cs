namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>
/// A city's collection settings (appsettings section <c>Collection</c>): the follow-up days after hand-over and the expected
/// duration of each step in days (a step waiting longer is overdue).
/// </summary>
public sealed record CollectionPolicy(IReadOnlyList<int> FollowUpDays, IReadOnlyDictionary<CollectionCaseStatus, int> ExpectedDays)
{
    /// <summary>The procedure's defaults: visits on day 7, 30, 90, 180 and 365.</summary>
    public static CollectionPolicy Default { get; } = new([7, 30, 90, 180, 365], new Dictionary<CollectionCaseStatus, int>
    {
        [CollectionCaseStatus.MedicalExam] = 14,
        [CollectionCaseStatus.Evaluation] = 7,
        [CollectionCaseStatus.CollectionPlan] = 7,
        [CollectionCaseStatus.AdmissionAndMobilisation] = 7,
        [CollectionCaseStatus.CollectionAndHandover] = 3,
        [CollectionCaseStatus.FollowUp] = 14,
        [CollectionCaseStatus.Archiving] = 30,
        [CollectionCaseStatus.FeeSettlement] = 30,
    });

    /// <summary>How long <paramref name="step"/> may take before it is overdue (no limit when not configured).</summary>
    public TimeSpan? ExpectedDuration(CollectionCaseStatus step) =>
        ExpectedDays.TryGetValue(step, out var days) ? TimeSpan.FromDays(days) : null;
}
