namespace DonationRegistry.Hla.Hml;

/// <summary>One sample of an HML document with its HLA typings, at most one per locus.</summary>
/// <param name="SampleId">The sample id the lab reported (the <c>id</c> attribute).</param>
/// <param name="CenterCode">The <c>center-code</c> attribute, when given.</param>
/// <param name="Typings">The HLA typings in document order, one per locus.</param>
public sealed record HmlSample(string SampleId, string? CenterCode, IReadOnlyList<HmlTyping> Typings);
