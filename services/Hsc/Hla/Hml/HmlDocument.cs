namespace DonationRegistry.Hla.Hml;

/// <summary>The typing results of one HML 1.0 / 1.0.1 document.</summary>
/// <param name="Version">The HML version the document declares (<c>1.0</c>, <c>1.0.1</c>, …).</param>
/// <param name="ReportingCenterId">The <c>reporting-center-id</c>, when the document names one.</param>
/// <param name="Samples">The samples in document order.</param>
public sealed record HmlDocument(string Version, string? ReportingCenterId, IReadOnlyList<HmlSample> Samples);
