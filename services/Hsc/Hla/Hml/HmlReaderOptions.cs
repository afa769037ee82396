namespace DonationRegistry.Hla.Hml;

/// <summary>Limits for reading an uploaded HML document.</summary>
public sealed record HmlReaderOptions
{
    /// <summary>The default options.</summary>
    public static HmlReaderOptions Default { get; } = new();

    /// <summary>
    /// The most characters a document may have. Full NGS reports carry consensus sequences, so this is generous (32 M characters);
    /// it bounds memory for a hostile or mistaken upload.
    /// </summary>
    public long MaxCharacters { get; init; } = 32L * 1024 * 1024;

    /// <summary>The most samples one document may hold.</summary>
    public int MaxSamples { get; init; } = 100_000;

    /// <summary>
    /// When set, the document must also be valid against the HML schema (required attributes, element order, value patterns);
    /// the first violation is refused with its line. Null: only what the reader needs is checked.
    /// </summary>
    public HmlSchema? Schema { get; init; }
}
