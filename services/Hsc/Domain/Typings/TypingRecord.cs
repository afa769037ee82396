namespace DonationRegistry.Hsc.Domain.Typings;

/// <summary>
/// One recorded typing of a donor, kept for good: a newer typing supersedes it (history). <see cref="OriginalText"/> is what the
/// user or lab sent (GL String, the HML document, the CSV row); <see cref="GlString"/> is the genotype in GL String form that the
/// service interprets (for HML the sample's locus GL Strings joined with <c>^</c>, for CSV the row's cells); <see cref="Release"/> is
/// the IMGT/HLA release it was last interpreted with (updated when a new release is loaded).
/// </summary>
public sealed class TypingRecord
{
    private TypingRecord()
    {
    }

    public TypingRecord(Guid id, Guid donorId, TypingSource source, string originalText, string glString, TypingMethod method,
        TypingResolution resolution, string release, string? laboratoryRelease, DateTimeOffset recordedAt, string recordedBy)
    {
        Id = id;
        DonorId = donorId;
        Source = source;
        OriginalText = originalText;
        GlString = glString;
        Method = method;
        Resolution = resolution;
        Release = release;
        LaboratoryRelease = laboratoryRelease;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
        InterpretedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid DonorId { get; private set; }
    public TypingSource Source { get; private set; }
    public string OriginalText { get; private set; } = "";
    public string GlString { get; private set; } = "";
    public TypingMethod Method { get; private set; }
    public TypingResolution Resolution { get; private set; }
    /// <summary>The IMGT/HLA release the service last interpreted the typing with.</summary>
    public string Release { get; private set; } = "";
    /// <summary>The release the laboratory named (HML allele-db version), if it named one.</summary>
    public string? LaboratoryRelease { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset InterpretedAt { get; private set; }
    /// <summary>When a newer typing replaced this one (null for the current typing).</summary>
    public DateTimeOffset? SupersededAt { get; private set; }

    public void Supersede(DateTimeOffset at) => SupersededAt ??= at;

    /// <summary>Records that a reload interpreted the typing again with <paramref name="release"/>.</summary>
    public void Reinterpreted(string release, TypingResolution resolution, DateTimeOffset at)
    {
        Release = release;
        Resolution = resolution;
        InterpretedAt = at;
    }
}
