using System.Collections.Immutable;
using DonationRegistry.Hla.Nomenclature;

namespace DonationRegistry.Hla;

public sealed partial class HlaNomenclature
{
    // Beyond this many cached interpretations new texts are interpreted but not kept (a bound against endless distinct garbage).
    private const int CacheLimit = 2_000_000;
    private int _cached;

    /// <summary>
    /// Interprets one typed position at <paramref name="locus"/>: an allele at 1–4 fields with or without expression suffix
    /// (<c>A*02:01</c> stands for every allele starting with A*02:01; <c>A*02</c> like <c>A*02:XX</c>), a pre-2010 name
    /// (<c>A*0201</c>), an allele string (<c>A*01:01/A*01:02</c>, <c>A*01:01/02</c>), a G group, a P group, an XX code, an NMDP
    /// MAC, or a serological antigen (<c>A9</c> also stands for its splits A23, A24 and their associated antigens). An optional
    /// <c>HLA-</c> prefix is ignored; the locus may be omitted from a molecular typing (<c>01:01</c>). Cached by locus and text.
    /// </summary>
    /// <exception cref="HlaTypingException">Naming the bad token: unknown or deleted allele (with its replacement), malformed
    /// text, unknown code or antigen, or a typing of another locus.</exception>
    public PositionTyping Interpret(Locus locus, string typing)
    {
        ArgumentNullException.ThrowIfNull(typing);
        var cache = _interpretations[(int)locus];
        if (!cache.TryGetValue(typing, out var outcome))
        {
            try
            {
                var resolved = Resolve(typing, Loci.Name(locus));
                outcome = Build(locus, typing.Trim(), resolved.Form, resolved.Alleles);
            }
            catch (HlaTypingException error)
            {
                outcome = error;
            }
            if (Volatile.Read(ref _cached) < CacheLimit && cache.TryAdd(typing, outcome)) Interlocked.Increment(ref _cached);
        }
        return outcome is HlaTypingException failure
            ? throw new HlaTypingException(failure.Token, failure.Reason, failure.Replacement)
            : (PositionTyping)outcome;
    }

    /// <summary>Interprets one typed position, taking the locus from the text (<c>A*02:01</c>, <c>HLA-DRB1*04:AB</c>, <c>DR4</c>).</summary>
    /// <exception cref="HlaTypingException">As for <see cref="Interpret(Locus, string)"/>, or when the locus is not a matching locus.</exception>
    public PositionTyping Interpret(string typing)
    {
        ArgumentNullException.ThrowIfNull(typing);
        return Interpret(LocusOfText(typing, typing.Trim()), typing);
    }

    private Locus LocusOfText(string text, string token)
    {
        var gene = GeneOfItem(text, token);
        if (LocusOfGene(gene) is { } locus) return locus;
        throw new HlaTypingException(token, $"{gene} is not a matching locus (A, B, C, DRB1, DQB1, DPB1)");
    }

    // The gene a typing names: before '*', or the locus of a serological antigen.
    private string GeneOfItem(string text, string token)
    {
        // Fast path without allocations for the usual "A*…" / "HLA-DRB1*…" (GL Strings of a whole registry come through here).
        var span = text.AsSpan().Trim();
        if (span.StartsWith("HLA-", StringComparison.OrdinalIgnoreCase)) span = span[4..];
        var at = span.IndexOf('*');
        if (at > 0 && _geneSpellings.TryGetValue(span[..at], out var known)) return known;

        var body = StripHla(text.Trim());
        if (body.Length == 0) throw new HlaTypingException(token, "empty typing");
        var star = body.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0) return GeneOf(token, body[..star], null);
        var antigen = SerologyTable.Canonical(body.Split('/')[0]);
        if (antigen is not null && SerologyTable.LocusOf(antigen) is { } locus) return Loci.Name(locus);
        throw new HlaTypingException(token, "no locus: neither an allele name (A*01:01) nor a serological antigen (A1, B15, Cw1, DR4, DQ2)");
    }

    private PositionTyping Build(Locus locus, string written, TypingForm form, IEnumerable<int> alleles)
    {
        var ids = alleles.Distinct().ToArray();
        Array.Sort(ids, (a, b) => string.CompareOrdinal(_names[a], _names[b]));
        var names = ImmutableArray.CreateBuilder<string>(ids.Length);
        var pGroups = new SortedSet<int>();
        var allNull = true;
        foreach (var id in ids)
        {
            names.Add(_names[id]);
            if (_isNull[id]) continue;
            allNull = false;
            if (_pId[id] >= 0) pGroups.Add(_pId[id]);
        }
        return new PositionTyping(locus, written, form, names.MoveToImmutable(), [.. pGroups], allNull && ids.Length > 0);
    }

    private readonly record struct Resolution(string Gene, TypingForm Form, int[] Alleles);

    private Resolution Resolve(string text, string? expectedGene)
    {
        var written = text.Trim();
        if (written.Length == 0) throw new HlaTypingException(text, "empty typing");
        if (written.Any(char.IsWhiteSpace)) throw new HlaTypingException(written, "spaces inside a typing");
        var body = StripHla(written);
        if (body.Contains('/', StringComparison.Ordinal)) return ResolveAlleleString(written, body, expectedGene);
        var star = body.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            if (expectedGene is not null && body.Length > 0 && char.IsAsciiDigit(body[0]) && body.Contains(':', StringComparison.Ordinal))
            {
                return ResolveMolecular(written, expectedGene, body);
            }
            return ResolveSerology(written, body, expectedGene);
        }
        var gene = GeneOf(written, body[..star], expectedGene);
        return ResolveMolecular(written, gene, body[(star + 1)..]);
    }

    private static Locus? LocusOfGene(string gene) => gene switch
    {
        "A" => Locus.A,
        "B" => Locus.B,
        "C" => Locus.C,
        "DRB1" => Locus.Drb1,
        "DQB1" => Locus.Dqb1,
        "DPB1" => Locus.Dpb1,
        _ => null,
    };

    private static string StripHla(string text) =>
        text.StartsWith("HLA-", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;

    private string GeneOf(string token, string written, string? expectedGene)
    {
        var gene = written.ToUpperInvariant();
        if (gene == "CW") gene = "C";
        if (gene.Length == 0) throw new HlaTypingException(token, "no locus before '*'");
        if (!_genesKnown.Contains(gene)) throw new HlaTypingException(token, $"unknown locus '{written}'");
        if (expectedGene is not null && gene != expectedGene)
        {
            throw new HlaTypingException(token, $"a typing of locus {gene} where {expectedGene} was expected");
        }
        return gene;
    }

    private Resolution ResolveAlleleString(string written, string body, string? expectedGene)
    {
        string? gene = expectedGene;
        string[]? baseFields = null;
        var alleles = new HashSet<int>();
        foreach (var rawItem in body.Split('/'))
        {
            var item = StripHla(rawItem);
            if (item.Length == 0) throw new HlaTypingException(written, "empty item in an allele string ('/' with nothing beside it)");
            string rest;
            var star = item.IndexOf('*', StringComparison.Ordinal);
            if (star >= 0)
            {
                var itemGene = GeneOf(item, item[..star], expectedGene);
                if (gene is not null && baseFields is not null && itemGene != gene)
                {
                    throw new HlaTypingException(item, $"an allele string mixes loci {gene} and {itemGene}");
                }
                gene = itemGene;
                rest = item[(star + 1)..];
                baseFields = rest.Split(':');
            }
            else if (baseFields is null)
            {
                if (gene is null || item.Length == 0 || !char.IsAsciiDigit(item[0]))
                {
                    throw new HlaTypingException(item, "the first item of an allele string needs its locus (A*01:01/02)");
                }
                rest = item;
                baseFields = rest.Split(':');
            }
            else
            {
                // Short form: A*01:01/02 → A*01:02 (the item replaces as many trailing fields as it has).
                var fields = item.Split(':');
                rest = fields.Length < baseFields.Length
                    ? string.Join(':', baseFields.Take(baseFields.Length - fields.Length).Concat(fields))
                    : item;
            }
            alleles.UnionWith(ResolveMolecular(item, gene!, rest).Alleles);
        }
        return new Resolution(gene!, TypingForm.AlleleString, [.. alleles]);
    }

    private Resolution ResolveMolecular(string token, string gene, string rest)
    {
        rest = rest.ToUpperInvariant();
        if (rest.Length == 0) throw new HlaTypingException(token, "no allele fields after '*'");
        var fields = rest.Split(':');
        if (fields.Length == 1)
        {
            // One field: a whole allele name of a gene named that way (MICA*001, MICA*293N), a first field alone (A*01, like
            // A*01:XX), or a pre-2010 name (A*0201).
            if (_byName.TryGetValue(gene + "*" + rest, out var single)) return new Resolution(gene, TypingForm.Allele, [single]);
            var digits = rest.TrimEnd(AlleleName.Suffixes.ToCharArray());
            if (digits.Length > 0 && digits.All(char.IsAsciiDigit) && rest.Length - digits.Length <= 1)
            {
                if (digits.Length is 2 or 3)
                {
                    return digits.Length == rest.Length
                        ? ResolveFamily(token, gene, rest)
                        : new Resolution(gene, TypingForm.Allele, ResolveAlleleName(token, AlleleName.Parse(gene + "*" + rest)));
                }
                if (digits.Length >= 4) return new Resolution(gene, TypingForm.Pre2010Allele, ResolvePre2010(token, gene, rest));
            }
            // Pre-2010 codes had no colon either: A*01XX, A*01AB.
            var letters = rest.AsSpan().TrimStart("0123456789");
            var family = rest[..^letters.Length];
            if (family.Length is 2 or 3 && letters.Length >= 2 && letters.ToString().All(char.IsAsciiLetterUpper))
            {
                return letters.SequenceEqual("XX")
                    ? ResolveFamily(token, gene, family)
                    : new Resolution(gene, TypingForm.MultipleAlleleCode, ResolveMac(token, gene, family, letters.ToString()));
            }
            throw new HlaTypingException(token, "malformed allele name: fields are 2–4 digits separated by ':'");
        }
        if (fields.Any(f => f.Length == 0)) throw new HlaTypingException(token, "malformed allele name: empty field");
        var last = fields[^1];
        var lastDigits = last[..^1];
        if (fields.Length <= 4 && last.EndsWith('G') && lastDigits.Length > 0 && lastDigits.All(char.IsAsciiDigit))
        {
            return new Resolution(gene, TypingForm.GGroup, ResolveGGroup(token, gene + "*" + rest));
        }
        if (fields.Length <= 4 && last.EndsWith('P') && lastDigits.Length > 0 && lastDigits.All(char.IsAsciiDigit))
        {
            return new Resolution(gene, TypingForm.PGroup, ResolvePGroup(token, gene + "*" + rest));
        }
        if (fields.Length == 2 && last.All(char.IsAsciiLetterUpper))
        {
            if (!fields[0].All(char.IsAsciiDigit)) throw new HlaTypingException(token, "malformed code: the first field must be digits");
            if (last == "XX") return ResolveFamily(token, gene, fields[0]);
            return new Resolution(gene, TypingForm.MultipleAlleleCode, ResolveMac(token, gene, fields[0], last));
        }
        var name = AlleleName.Parse(gene + "*" + rest);
        if (!name.IsWellFormed)
        {
            throw new HlaTypingException(token, "malformed allele name: 1–4 fields of 2–4 digits, optionally one suffix N, L, S, Q, C or A");
        }
        return new Resolution(gene, TypingForm.Allele, ResolveAlleleName(token, name));
    }

    private Resolution ResolveFamily(string token, string gene, string firstField)
    {
        if (!firstField.All(char.IsAsciiDigit)) throw new HlaTypingException(token, "malformed allele family");
        return _byPrefix.TryGetValue(gene + "*" + firstField, out var ids)
            ? new Resolution(gene, TypingForm.XxCode, ids)
            : throw new HlaTypingException(token, $"no allele family {gene}*{firstField} in release {Release}");
    }

    private int[] ResolveAlleleName(string token, AlleleName name)
    {
        var full = name.Truncate(4);
        if (_byName.TryGetValue(full, out var exact)) return [exact];
        if (_byPrefix.TryGetValue(name.Stem, out var ids))
        {
            if (name.Suffix is not { } suffix) return ids;
            var withSuffix = ids.Where(id => _names[id][^1] == suffix).ToArray();
            if (withSuffix.Length > 0) return withSuffix;
        }
        foreach (var candidate in new[] { full, name.Stem, name.Stem + "N" })
        {
            if (_release.DeletedAlleles.TryGetValue(candidate, out var deleted))
            {
                throw new HlaTypingException(token, $"allele {candidate} was deleted from the nomenclature ({deleted.Reason})", FollowReplacement(deleted.Replacement));
            }
        }
        throw new HlaTypingException(token, $"no allele {full} in release {Release}");
    }

    // A replacement may itself have been renamed later; follow the chain to a current name (bounded against cycles).
    private string? FollowReplacement(string? replacement)
    {
        for (var hop = 0; hop < 10 && replacement is not null && !_byName.ContainsKey(replacement); hop++)
        {
            if (!_release.DeletedAlleles.TryGetValue(replacement, out var next) || next.Replacement is null) break;
            replacement = next.Replacement;
        }
        return replacement;
    }

    private int[] ResolveGGroup(string token, string name) =>
        _gGroups.TryGetValue(name, out var ids)
            ? ids
            : throw new HlaTypingException(token, $"no G group {name} in release {Release}");

    private int[] ResolvePGroup(string token, string name)
    {
        if (_pGroups.TryGetValue(name, out var ids)) return ids;
        // Lenient: a two-field protein in no P group written as if it were one (A*01:06P).
        var stem = name[..^1];
        if (_byPrefix.TryGetValue(stem, out var candidates))
        {
            var singleton = candidates.Where(id => !_isNull[id] && _pName[id] == stem).ToArray();
            if (singleton.Length > 0) return singleton;
        }
        throw new HlaTypingException(token, $"no P group {name} in release {Release}");
    }

    private int[] ResolveMac(string token, string gene, string firstField, string code)
    {
        if (!MacTable.IsCode(code)) throw new HlaTypingException(token, $"malformed NMDP code '{code}' (2–5 letters)");
        if (_macs.Count == 0) throw new HlaTypingException(token, "NMDP codes need a MAC table and none is loaded");
        if (!_macs.TryGetExpansion(code, out var items)) throw new HlaTypingException(token, $"unknown NMDP code {code}");
        var alleles = new HashSet<int>();
        foreach (var item in items)
        {
            var name = AlleleName.Parse(gene + "*" + (item.Contains(':', StringComparison.Ordinal) ? item : firstField + ":" + item));
            if (!name.IsWellFormed) continue;
            try
            {
                alleles.UnionWith(ResolveAlleleName(token, name));
            }
            catch (HlaTypingException)
            {
                // An expansion may list alleles this release no longer has; the code still stands for the others.
            }
        }
        return alleles.Count > 0
            ? [.. alleles]
            : throw new HlaTypingException(token, $"NMDP code {code} expands to no allele of {gene}*{firstField} in release {Release}");
    }

    private Resolution ResolveSerology(string token, string body, string? expectedGene)
    {
        var antigen = SerologyTable.Canonical(body)
            ?? throw new HlaTypingException(token, "neither an allele name (A*01:01) nor a serological antigen (A1, B15, Cw1, DR4, DQ2)");
        if (_serology.IsDeleted(antigen, out var replacement))
        {
            throw new HlaTypingException(token, $"serological antigen {antigen} was deleted", replacement);
        }
        var ids = _serology.Expand(antigen).ToArray();
        if (ids.Length == 0) throw new HlaTypingException(token, $"no allele of release {Release} is assigned serological antigen {antigen}");
        var gene = expectedGene ?? _genes[ids[0]];
        var atGene = ids.Where(id => _genes[id] == gene).ToArray();
        if (atGene.Length == 0)
        {
            throw new HlaTypingException(token, $"serological antigen {antigen} is not an antigen of {gene} (it types {_genes[ids[0]]})");
        }
        return new Resolution(gene, TypingForm.Serology, atGene);
    }
}
