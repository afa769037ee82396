using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace DonationRegistry.Hla.Hml;

/// <summary>
/// Reads the typing results (samples and their per-locus GL Strings) out of an HML 1.0 or 1.0.1 document. Interpretations may be
/// given as <c>glstring</c>, <c>haploid</c> or the deprecated <c>genotype-list</c>; raw data (sequences, probe scores) is ignored.
/// The XML is read safely: no DTD, no external entities or resolver, a size limit; optionally it is also validated against
/// the NMDP schema (<see cref="HmlReaderOptions.Schema"/>). Anything malformed raises
/// <see cref="HlaTypingException"/> naming the offending element, attribute or value and its line.
/// </summary>
public static class HmlReader
{
    /// <summary>HML 1.0 (also used by the 1.0.2 schema).</summary>
    public const string Namespace10 = "http://schemas.nmdp.org/spec/hml/1.0";

    /// <summary>HML 1.0.1.</summary>
    public const string Namespace101 = "http://schemas.nmdp.org/spec/hml/1.0.1";

    /// <summary>Reads a document with the default limits.</summary>
    public static HmlDocument Read(Stream stream) => Read(stream, HmlReaderOptions.Default);

    /// <summary>Reads a document.</summary>
    public static HmlDocument Read(Stream stream, HmlReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var root = Load(stream, options).Root!;
        var ns = root.Name.Namespace;
        if (root.Name.LocalName != "hml" || (ns.NamespaceName != Namespace10 && ns.NamespaceName != Namespace101))
        {
            throw Fail(root, $"<{root.Name.LocalName}>",
                $"the root element must be <hml> in namespace {Namespace101} or {Namespace10}, found <{root.Name.LocalName}> in "
                + (ns == XNamespace.None ? "no namespace" : ns.NamespaceName));
        }

        var version = Trimmed(root.Attribute("version")) ?? (ns.NamespaceName == Namespace101 ? "1.0.1" : "1.0");
        var center = Trimmed(root.Element(ns + "reporting-center")?.Attribute("reporting-center-id"));

        var samples = new List<HmlSample>();
        var sampleIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sample in root.Elements(ns + "sample"))
        {
            if (samples.Count == options.MaxSamples)
            {
                throw Fail(sample, "<sample>", $"the document has more than {options.MaxSamples} samples");
            }
            var read = ReadSample(sample, ns);
            if (!sampleIds.Add(read.SampleId))
            {
                throw Fail(sample, read.SampleId, "the sample id appears twice in the document");
            }
            samples.Add(read);
        }
        if (samples.Count == 0)
        {
            throw Fail(root, "<hml>", "the document has no <sample>");
        }
        return new HmlDocument(version, center, samples);
    }

    private static XDocument Load(Stream stream, HmlReaderOptions options)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        if (options.Schema is not null)
        {
            settings.ValidationType = ValidationType.Schema;
            settings.Schemas = options.Schema.Schemas;
            settings.ValidationEventHandler += (sender, e) =>
            {
                if (e.Severity != XmlSeverityType.Error) return;
                var element = sender is XmlReader reader && reader.LocalName.Length > 0 ? $"<{reader.LocalName}>" : $"line {e.Exception.LineNumber}";
                throw new HlaTypingException(element,
                    $"the document does not follow the HML schema: {e.Message} (line {e.Exception.LineNumber}, position {e.Exception.LinePosition})");
            };
        }
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            var document = XDocument.Load(reader, LoadOptions.SetLineInfo);
            return document.Root is null ? throw new HlaTypingException("<hml>", "the document is empty") : document;
        }
        catch (XmlException ex)
        {
            if (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
            {
                throw new HlaTypingException("<!DOCTYPE>", "DTDs and entity declarations are refused in HML uploads");
            }
            var reason = ex.Message.Contains("MaxCharacters", StringComparison.Ordinal) || ex.Message.Contains("exceed", StringComparison.OrdinalIgnoreCase)
                ? $"the document is larger than the limit of {options.MaxCharacters} characters"
                : "the document is not well-formed XML";
            throw new HlaTypingException($"line {ex.LineNumber}", $"{reason} (line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message})");
        }
    }

    private static HmlSample ReadSample(XElement sample, XNamespace ns)
    {
        var id = Trimmed(sample.Attribute("id"))
            ?? throw Fail(sample, "<sample>", "the sample has no id attribute (or it is empty)");
        var center = Trimmed(sample.Attribute("center-code"));

        var typings = new List<HmlTyping>();
        foreach (var typing in sample.Elements(ns + "typing"))
        {
            var family = Trimmed(typing.Attribute("gene-family"));
            if (family is not null && !string.Equals(family, "HLA", StringComparison.OrdinalIgnoreCase))
            {
                continue; // KIR and other gene families are not HLA typings.
            }
            foreach (var read in ReadTyping(typing, ns, id))
            {
                AddTyping(typings, read, typing, id);
            }
        }
        if (typings.Count == 0)
        {
            throw Fail(sample, id, "the sample has no HLA typing with an interpretation (glstring, haploid or genotype-list)");
        }
        return new HmlSample(id, center, typings);
    }

    private static void AddTyping(List<HmlTyping> typings, HmlTyping read, XElement at, string sampleId)
    {
        var existing = typings.FindIndex(t => t.Locus == read.Locus);
        if (existing < 0)
        {
            typings.Add(read);
            return;
        }
        if (!string.Equals(WithoutPrefixes(typings[existing].GlString), WithoutPrefixes(read.GlString), StringComparison.OrdinalIgnoreCase))
        {
            throw Fail(at, read.GlString,
                $"sample {sampleId} has two different typings for HLA-{read.Locus}: '{typings[existing].GlString}' and '{read.GlString}'");
        }
    }

    private static IEnumerable<HmlTyping> ReadTyping(XElement typing, XNamespace ns, string sampleId)
    {
        var typingDate = ReadDate(typing);
        var (method, methodLocus) = ReadMethod(typing, ns);
        foreach (var assignment in typing.Elements(ns + "allele-assignment"))
        {
            var alleleDb = Trimmed(assignment.Attribute("allele-db"));
            var alleleVersion = Trimmed(assignment.Attribute("allele-version"));
            var date = ReadDate(assignment) ?? typingDate;
            foreach (var (glString, at) in Interpretations(assignment, ns))
            {
                var parts = LocusBlocks(glString, at);
                if (parts.Count == 1 && methodLocus is not null && !string.Equals(parts[0].Locus, methodLocus, StringComparison.Ordinal))
                {
                    throw Fail(at, glString,
                        $"sample {sampleId}: the GL String names HLA-{parts[0].Locus} but its typing method names HLA-{methodLocus}");
                }
                foreach (var (locus, block) in parts)
                {
                    yield return new HmlTyping(locus, block, alleleDb, alleleVersion, method, date);
                }
            }
        }
    }

    /// <summary>Every interpretation of one allele-assignment as a GL String, with the element it came from.</summary>
    private static List<(string GlString, XElement At)> Interpretations(XElement assignment, XNamespace ns)
    {
        var found = new List<(string, XElement)>();
        foreach (var gl in assignment.Elements(ns + "glstring"))
        {
            var text = WithoutWhitespace(gl.Value);
            if (text.Length == 0)
            {
                throw Trimmed(gl.Attribute("uri")) is { } uri
                    ? Fail(gl, uri, "a glstring given only by reference (uri) is not fetched; put the GL String in the element")
                    : Fail(gl, "<glstring>", "the glstring is empty");
            }
            found.Add((text, gl));
        }

        var haploids = assignment.Elements(ns + "haploid").ToList();
        if (haploids.Count > 0)
        {
            foreach (var group in haploids.GroupBy(h => LocusName(Trimmed(h.Attribute("locus")) ?? throw Fail(h, "<haploid>", "the haploid has no locus attribute"))))
            {
                var typings = group.Select(Haploid).ToList();
                if (typings.Count > 2)
                {
                    throw Fail(group.First(), $"HLA-{group.Key}", "more than two haploids for one locus");
                }
                found.Add((string.Join('+', typings), group.First()));
            }
        }

        foreach (var list in assignment.Elements(ns + "genotype-list"))
        {
            found.Add((GenotypeList(list, ns), list));
        }

        if (found.Count == 0)
        {
            throw Fail(assignment, "<allele-assignment>", "the allele-assignment has no glstring, haploid or genotype-list");
        }
        return found;
    }

    private static string Haploid(XElement haploid)
    {
        var locus = LocusName(Trimmed(haploid.Attribute("locus"))!);
        var type = Trimmed(haploid.Attribute("type")) ?? throw Fail(haploid, "<haploid>", "the haploid has no type attribute");
        var method = Trimmed(haploid.Attribute("method"));
        if (string.Equals(method, "SER", StringComparison.OrdinalIgnoreCase))
        {
            var prefix = locus switch
            {
                "A" => "A",
                "B" => "B",
                "C" => "Cw",
                "DRB1" => "DR",
                "DQB1" => "DQ",
                "DPB1" => "DP",
                _ => throw Fail(haploid, locus, "serology is only read for A, B, C, DRB1, DQB1 and DPB1"),
            };
            if (!type.All(char.IsAsciiDigit))
            {
                throw Fail(haploid, type, "a serology haploid type must be the antigen number, e.g. 2 for A2");
            }
            return prefix + type;
        }
        if (!string.Equals(method, "DNA", StringComparison.OrdinalIgnoreCase))
        {
            throw Fail(haploid, method ?? "<haploid>", "the haploid method must be DNA or SER");
        }
        return $"HLA-{locus}*{type}";
    }

    private static string GenotypeList(XElement list, XNamespace ns)
    {
        var diploids = new List<string>();
        foreach (var diploid in list.Elements(ns + "diploid-combination"))
        {
            var chromosomes = new List<string>();
            foreach (var block in diploid.Elements(ns + "locus-block"))
            {
                var haplotype = new List<string>();
                foreach (var alleleList in block.Elements(ns + "allele-list"))
                {
                    var alleles = alleleList.Elements(ns + "allele")
                        .Where(a => !string.Equals(Trimmed(a.Attribute("present")), "N", StringComparison.OrdinalIgnoreCase))
                        .Select(a => WithoutWhitespace(a.Value))
                        .ToList();
                    if (alleles.Count == 0 || alleles.Any(a => a.Length == 0))
                    {
                        throw Fail(alleleList, "<allele-list>", "an allele-list has no allele present, or an empty allele");
                    }
                    haplotype.Add(string.Join('/', alleles));
                }
                if (haplotype.Count == 0)
                {
                    throw Fail(block, "<locus-block>", "the locus-block has no allele-list");
                }
                chromosomes.Add(string.Join('~', haplotype));
            }
            if (chromosomes.Count == 0)
            {
                throw Fail(diploid, "<diploid-combination>", "the diploid-combination has no locus-block");
            }
            diploids.Add(string.Join('+', chromosomes));
        }
        return diploids.Count == 0
            ? throw Fail(list, "<genotype-list>", "the genotype-list has no diploid-combination")
            : string.Join('|', diploids);
    }

    /// <summary>Splits a GL String at <c>^</c> into one block per locus, checking each names exactly one locus.</summary>
    private static List<(string Locus, string Block)> LocusBlocks(string glString, XElement at)
    {
        foreach (var c in glString)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('*' or ':' or '^' or '|' or '+' or '~' or '/' or '-'))
            {
                throw Fail(at, glString, $"the GL String contains '{c}', which no GL String may contain");
            }
        }
        var blocks = new List<(string, string)>();
        foreach (var block in glString.Split('^'))
        {
            string? locus = null;
            foreach (var token in block.Split('|', '+', '~', '/'))
            {
                if (token.Length == 0)
                {
                    throw Fail(at, glString, "the GL String has an empty part (two delimiters in a row, or one at an end)");
                }
                var tokenLocus = TokenLocus(token, at);
                if (tokenLocus is null)
                {
                    if (locus is null)
                    {
                        throw Fail(at, token, "cannot tell the locus of this typing (expected e.g. HLA-A*02:01 or A2)");
                    }
                    continue; // an abbreviated allele string part such as the "02" of A*01:01/02
                }
                if (locus is null)
                {
                    locus = tokenLocus;
                }
                else if (locus != tokenLocus)
                {
                    throw Fail(at, glString, $"one locus block names both HLA-{locus} and HLA-{tokenLocus}; separate loci with '^'");
                }
            }
            if (blocks.Exists(b => b.Item1 == locus))
            {
                throw Fail(at, glString, $"the GL String has two blocks for HLA-{locus}");
            }
            blocks.Add((locus!, block));
        }
        return blocks;
    }

    /// <summary>The locus a GL String token names, or null for an abbreviated part with no locus (e.g. <c>02</c>).</summary>
    private static string? TokenLocus(string token, XElement at)
    {
        var star = token.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0)
        {
            var name = LocusName(token[..star]);
            return name.Length == 0 || star == token.Length - 1
                ? throw Fail(at, token, "a typing needs a locus before '*' and a name after it")
                : name;
        }
        if (token.All(c => char.IsAsciiDigit(c) || c == ':'))
        {
            return null;
        }
        // Serology: letters then an antigen number (A2, B46, Cw1, DR9, DQ2, DP4).
        var letters = 0;
        while (letters < token.Length && char.IsAsciiLetter(token[letters])) letters++;
        var serologyLocus = letters > 0 && letters < token.Length && token.AsSpan(letters).IndexOfAnyExceptInRange('0', '9') < 0
            ? token[..letters].ToUpperInvariant() switch
            {
                "A" => "A",
                "B" => "B",
                "C" or "CW" => "C",
                "DR" => "DRB1",
                "DQ" => "DQB1",
                "DP" => "DPB1",
                _ => null,
            }
            : null;
        return serologyLocus ?? throw Fail(at, token, "not a typing (expected e.g. HLA-A*02:01, A*02:XX or A2)");
    }

    private static (string? Method, string? Locus) ReadMethod(XElement typing, XNamespace ns)
    {
        var methodElement = typing.Element(ns + "typing-method");
        if (methodElement is null)
        {
            return (null, null);
        }
        var methods = new List<string>();
        string? locus = null;
        foreach (var child in methodElement.Elements())
        {
            var name = child.Name.LocalName switch
            {
                "sbt-ngs" => "SBT-NGS",
                "sbt-sanger" => "SBT-Sanger",
                "sso" => "SSO",
                "ssp" => "SSP",
                _ => null,
            };
            if (name is null) continue;
            if (!methods.Contains(name)) methods.Add(name);
            if (Trimmed(child.Attribute("locus")) is { } written)
            {
                var childLocus = LocusName(written);
                if (locus is not null && locus != childLocus)
                {
                    return (string.Join('+', methods), null); // a multi-locus test: the GL String alone says which locus
                }
                locus = childLocus;
            }
        }
        return (methods.Count == 0 ? null : string.Join('+', methods), locus);
    }

    private static DateOnly? ReadDate(XElement element)
    {
        var attribute = element.Attribute("date");
        var text = Trimmed(attribute);
        if (text is null) return null;
        // XSD dates are YYYY-MM-DD, possibly with a zone; ISO-8601 date-times are tolerated (the date part is kept).
        var datePart = text.Length >= 10 ? text[..10] : text;
        if (DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && (text.Length == 10 || text[10] is 'T' or 'Z' or '+' or '-'))
        {
            return date;
        }
        throw Fail(attribute!, text, $"the date attribute of <{element.Name.LocalName}> is not a date (YYYY-MM-DD)");
    }

    /// <summary>The gene name without <c>HLA-</c>, upper case: <c>HLA-DRB1</c> → <c>DRB1</c>.</summary>
    private static string LocusName(string written)
    {
        var name = written.Trim();
        if (name.StartsWith("HLA-", StringComparison.OrdinalIgnoreCase)) name = name[4..];
        return name.ToUpperInvariant();
    }

    private static string WithoutPrefixes(string glString) => glString.Replace("HLA-", "", StringComparison.OrdinalIgnoreCase);

    private static string WithoutWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c)) builder.Append(c);
        }
        return builder.ToString();
    }

    private static string? Trimmed(XAttribute? attribute)
    {
        var value = attribute?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static HlaTypingException Fail(XObject at, string token, string reason)
    {
        var where = at is IXmlLineInfo info && info.HasLineInfo() ? $" (line {info.LineNumber}, position {info.LinePosition})" : "";
        return new HlaTypingException(token, reason + where);
    }
}
