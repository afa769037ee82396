using System.Xml;
using System.Xml.Schema;

namespace DonationRegistry.Hla.Hml;

/// <summary>
/// The NMDP HML XML schema, for optional validation while reading (<see cref="HmlReaderOptions.Schema"/>). The published 1.0.x
/// schema file declares the 1.0 namespace; HML 1.0.1 documents have the same structure under their own namespace, so the schema
/// is registered under both. Loaded once from a file (e.g. <c>../shared/data/hml/hml-1.0.2.xsd</c>) and shared; thread-safe
/// once loaded.
/// </summary>
public sealed class HmlSchema
{
    private HmlSchema(XmlSchemaSet schemas) => Schemas = schemas;

    internal XmlSchemaSet Schemas { get; }

    /// <summary>Reads and compiles the schema file.</summary>
    /// <exception cref="InvalidDataException">The file is not an HML schema (no 1.0 target namespace, or does not compile).</exception>
    public static HmlSchema Load(string xsdPath)
    {
        var text = File.ReadAllText(xsdPath);
        var declared = $"\"{HmlReader.Namespace10}\"";
        if (!text.Contains("targetNamespace=" + declared, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"'{xsdPath}' is not an HML 1.0.x schema (its target namespace is not {HmlReader.Namespace10})");
        }
        var schemas = new XmlSchemaSet { XmlResolver = null };
        foreach (var ns in new[] { HmlReader.Namespace10, HmlReader.Namespace101 })
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(text.Replace(declared, $"\"{ns}\"", StringComparison.Ordinal)), settings);
            try
            {
                schemas.Add(XmlSchema.Read(reader, null)!);
            }
            catch (XmlSchemaException ex)
            {
                throw new InvalidDataException($"'{xsdPath}' is not a valid schema: {ex.Message}", ex);
            }
        }
        try
        {
            schemas.Compile();
        }
        catch (XmlSchemaException ex)
        {
            throw new InvalidDataException($"'{xsdPath}' does not compile: {ex.Message}", ex);
        }
        return new HmlSchema(schemas);
    }
}
