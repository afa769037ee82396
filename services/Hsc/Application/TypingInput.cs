using DonationRegistry.Hsc.Domain.Typings;

namespace DonationRegistry.Hsc.Application;

/// <summary>
/// One typing to record: the donor (by id, or by the laboratory's sample id for HML and CSV), the text as sent, the genotype as a
/// GL String, and <see cref="Field"/>, the request field a violation names (e.g. <c>gl_string</c>, <c>hml.samples[2]</c>,
/// <c>csv.rows[5]</c>).
/// </summary>
public sealed record TypingInput(string Field, Guid? DonorId, string? SampleId, TypingSource Source, string OriginalText, string GlString,
    TypingMethod Method, string? LaboratoryRelease);
