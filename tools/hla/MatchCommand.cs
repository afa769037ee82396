using System.Globalization;
using DonationRegistry.Hla.Matching;

namespace DonationRegistry.Hla.Tool;

/// <summary><c>hla match</c>: scores one patient/donor pair with the search rules and prints the per-locus detail.</summary>
internal static class MatchCommand
{
    public static readonly string[] Options = ["release", "patient", "donor", "criteria", "mac", "format"];

    /// <summary>Whether <c>--format</c> asks for tab-separated records instead of the aligned table.</summary>
    public static bool ParseTsv(string? written) => written switch
    {
        null or "text" => false,
        "tsv" => true,
        _ => throw new UsageException($"--format must be text or tsv, not '{written}'"),
    };

    public static MatchCriteria ParseCriteria(string? written) => written switch
    {
        null or "10/10" => MatchCriteria.TenOfTen,
        "9/10" => MatchCriteria.NineOfTen,
        "8/10" => MatchCriteria.EightOfTen,
        "8/8" => MatchCriteria.EightOfEight,
        "6/6" => MatchCriteria.SixOfSix,
        _ => throw new UsageException($"--criteria must be 10/10, 9/10, 8/10, 8/8 or 6/6, not '{written}'"),
    };

    /// <summary>Parses both typings; a typing that cannot be interpreted is an <see cref="HlaTypingException"/> naming the side.</summary>
    public static (Genotype Patient, Genotype Donor) ParseBoth(HlaNomenclature nomenclature, string patient, string donor) =>
        (Parse(nomenclature, "patient", patient), Parse(nomenclature, "donor", donor));

    public static void Write(HlaNomenclature nomenclature, Genotype patient, Genotype donor, MatchCriteria criteria, bool tsv, TextWriter output)
    {
        var explanation = MatchExplainer.Explain(patient, donor, criteria, new NomenclatureGrader(nomenclature));
        if (tsv)
        {
            WriteTsv(nomenclature, patient, donor, criteria, explanation, output);
            return;
        }
        var match = explanation.Match;
        var c = CultureInfo.InvariantCulture;

        output.WriteLine(string.Create(c, $"Release   {nomenclature.Release}"));
        output.WriteLine(string.Create(c, $"Criteria  {criteria}"));
        output.WriteLine();
        output.WriteLine("Locus  Counted  Matches  Pairing  Grade 1           Grade 2           Confidence 1  Confidence 2  Patient | Donor");
        foreach (var locus in match.Loci)
        {
            var typings = $"{Written(patient[locus.Locus])} | {Written(donor[locus.Locus])}";
            output.WriteLine(string.Create(c, $"{Loci.Name(locus.Locus),-6} {YesNo(locus.Counted),-8} {Count(locus),-8} {Pairing(locus),-8} {Grade(locus.Grade1),-17} {Grade(locus.Grade2),-17} {locus.Confidence1,-13} {locus.Confidence2,-13} {typings}"));
        }
        output.WriteLine();
        var counted = match.Loci.Where(l => l.Counted).ToList();
        var matches = counted.Sum(l => l.MatchCount);
        output.WriteLine(string.Create(c, $"DPB1      {match.Dpb1}"));
        output.WriteLine(string.Create(c, $"Total     {matches}/{criteria.CountedPositions} ({match.MismatchCount} mismatch{(match.MismatchCount == 1 ? "" : "es")} over {string.Join(", ", counted.Select(l => Loci.Name(l.Locus)))})"));
        output.WriteLine(string.Create(c, $"Included  {(explanation.MeetsCriteria ? "yes" : "no")} ({Because(explanation, donor, criteria)})"));
    }

    /// <summary>
    /// One record per line, first field the record type: <c>release</c>, <c>criteria</c>, six <c>locus</c> records (locus, counted,
    /// matches or <c>untyped</c>, pairing, grade 1, grade 2, confidence 1, confidence 2, patient typing, donor typing), <c>dpb1</c>,
    /// <c>total</c> (matches, positions, mismatches), <c>included</c>.
    /// </summary>
    private static void WriteTsv(
        HlaNomenclature nomenclature, Genotype patient, Genotype donor, MatchCriteria criteria, MatchExplanation explanation, TextWriter output)
    {
        var match = explanation.Match;
        output.WriteLine($"release\t{nomenclature.Release}");
        output.WriteLine($"criteria\t{criteria}");
        foreach (var locus in match.Loci)
        {
            output.WriteLine(string.Join('\t',
                "locus", Loci.Name(locus.Locus), YesNo(locus.Counted), locus.Typed ? locus.MatchCount.ToString(CultureInfo.InvariantCulture) : "untyped",
                Pairing(locus), Grade(locus.Grade1), Grade(locus.Grade2), locus.Confidence1, locus.Confidence2,
                Written(patient[locus.Locus]), Written(donor[locus.Locus])));
        }
        output.WriteLine($"dpb1\t{match.Dpb1}");
        var matches = match.Loci.Where(l => l.Counted).Sum(l => l.MatchCount);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total\t{matches}\t{criteria.CountedPositions}\t{match.MismatchCount}"));
        output.WriteLine($"included\t{YesNo(explanation.MeetsCriteria)}");
    }

    private static Genotype Parse(HlaNomenclature nomenclature, string side, string glString)
    {
        try
        {
            return nomenclature.ParseGlString(glString);
        }
        catch (HlaTypingException error)
        {
            throw new HlaTypingException(error.Token, $"{side}: {error.Reason}", error.Replacement);
        }
    }

    private static string Because(MatchExplanation explanation, Genotype donor, MatchCriteria criteria)
    {
        var missing = new[] { Locus.A, Locus.B, Locus.Drb1 }.Where(l => donor[l] is null).Select(Loci.Name).ToList();
        if (missing.Count > 0) return $"the donor is untyped at {string.Join(", ", missing)}, which every search requires";
        if (explanation.MeetsCriteria) return $"{criteria} allows {criteria.MaxTotalMismatches} mismatch{(criteria.MaxTotalMismatches == 1 ? "" : "es")}";
        var over = explanation.Match.Loci.FirstOrDefault(l => l.Counted && l.MismatchCount > criteria.MaxMismatchesAt(l.Locus));
        return over is not null && explanation.Match.MismatchCount <= criteria.MaxTotalMismatches
            ? $"{Loci.Name(over.Locus)} has {over.MismatchCount} mismatches, {criteria.MaxMismatchesAt(over.Locus)} allowed there"
            : $"{explanation.Match.MismatchCount} mismatches, {criteria} allows {criteria.MaxTotalMismatches}";
    }

    private static string Written(LocusTyping? typing) => typing is null ? "untyped" : $"{typing.First.Written}+{typing.Second.Written}";

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Count(LocusMatch locus) => locus.Typed ? $"{locus.MatchCount}/2" : "untyped";

    private static string Pairing(LocusMatch locus) => !locus.Typed ? "-" : locus.Crossed ? "crossed" : "direct";

    private static string Grade(MatchGrade? grade) => grade?.ToString() ?? "-";
}
