using Xunit;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tests.Nomenclature;

/// <summary>Rules that hold for any pair of positions, checked on seeded random pairs of every typing form at locus B.</summary>
public class GradePropertyTests
{
    private static readonly Lazy<PositionTyping[]> Positions = new(BuildPositions);

    public static TheoryData<int> Seeds => [1, 2, 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Grade_WhenAnyPair_IsSymmetricAndMismatchesExactlyWhenConfidenceDoes(int seed)
    {
        var nom = Nomenclatures.V3580;
        var positions = Positions.Value;
        var random = new Random(seed);
        var broken = new List<string>();
        for (var i = 0; i < 3_000; i++)
        {
            var p = positions[random.Next(positions.Length)];
            var d = positions[random.Next(positions.Length)];
            var grade = nom.Grade(p, d);
            var confidence = nom.Confidence(p, d);
            if (grade != nom.Grade(d, p) || confidence != nom.Confidence(d, p)) broken.Add($"asymmetric {p.Written} / {d.Written}");
            if (!p.IsNull && !d.IsNull && (grade == MatchGrade.Mismatch) != (confidence == MatchConfidence.Mismatch))
            {
                broken.Add($"{p.Written} / {d.Written}: {grade} but {confidence}");
            }
            if (confidence == MatchConfidence.Definite && !(p.IsSingleAllele && d.IsSingleAllele)) broken.Add($"definite {p.Written} / {d.Written}");
        }
        Assert.Empty(broken.Take(10));
    }

    private static PositionTyping[] BuildPositions()
    {
        var nom = Nomenclatures.V3580;
        var random = new Random(7);
        var alleles = nom.Data.Alleles.Where(a => a.Gene == "B").Select(a => a.Name).ToArray();
        var typings = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            var allele = alleles[random.Next(alleles.Length)];
            var fields = allele.TrimEnd('N', 'L', 'S', 'Q', 'C', 'A').Split(':');
            typings.Add(allele);
            typings.Add(fields[0] + ":" + fields[1]);
            typings.Add(fields[0] + ":XX");
            typings.Add(nom.Reduce(allele, ReductionTarget.G).Split('/')[0]);
        }
        typings.AddRange(["B5", "B51", "B5102", "B7", "B703", "B8", "B12", "B44", "B15", "B62", "B70", "B71", "B21", "B4005", "B40", "B60", "B27", "B2708"]);
        typings.AddRange(["B*07:AB", "B*15:AE", "B*44:AJ", "B*07:02/B*08:01", "B*07:02P", "B*15:01P"]);
        return [.. typings.Distinct().Select(t => nom.Interpret(Locus.B, t))];
    }
}
