using System.Collections.Immutable;
using DonationRegistry.Hla;
using DonationRegistry.Hla.Matching;

namespace DonationRegistry.Hla.Tests.Matching;

/// <summary>
/// Random genotypes and profiles for the property tests, drawn from a seeded <see cref="Random"/>: hand-made positions over a
/// small P-group space (so matches and mismatches both happen often), with ambiguous sets, null positions and untyped optional
/// loci.
/// </summary>
internal sealed class RandomTypings(int seed)
{
    private readonly Random _random = new(seed);

    public Genotype Genotype()
    {
        var loci = ImmutableDictionary.CreateBuilder<Locus, LocusTyping>();
        foreach (var locus in Loci.All)
        {
            var optional = locus is Locus.C or Locus.Dqb1 or Locus.Dpb1;
            if (optional && _random.Next(6) == 0) continue;
            if (!optional && _random.Next(100) == 0) continue;
            loci[locus] = new LocusTyping(Position(locus), Position(locus));
        }
        return new Genotype("test", loci.ToImmutable());
    }

    public DonorProfile Profile() => new(
        new DateOnly(1960, 1, 1).AddDays(_random.Next(45 * 365)),
        (DonorSex)_random.Next(3),
        (AboGroup)_random.Next(5),
        (CmvStatus)_random.Next(3),
        _random.Next(3) switch { 0 => "330100", 1 => "330200", _ => "" },
        _random.Next(10) != 0);

    public MatchCriteria Criteria() => new()
    {
        MaxTotalMismatches = _random.Next(6),
        IncludeC = _random.Next(2) == 0,
        IncludeDqb1 = _random.Next(2) == 0,
        MaxMismatchesA = _random.Next(3),
        MaxMismatchesB = _random.Next(3),
        MaxMismatchesC = _random.Next(3),
        MaxMismatchesDrb1 = _random.Next(3),
        MaxMismatchesDqb1 = _random.Next(3),
    };

    public DonorFilter Filter() => _random.Next(3) switch
    {
        0 => DonorFilter.None,
        1 => new DonorFilter { MinAge = 20 + _random.Next(10), MaxAge = 35 + _random.Next(20) },
        _ => new DonorFilter
        {
            Sex = _random.Next(2) == 0 ? DonorSex.Male : null,
            AboGroups = _random.Next(2) == 0 ? [AboGroup.O, AboGroup.A] : [],
            Cmv = _random.Next(2) == 0 ? CmvStatus.Negative : null,
            RegionCodes = _random.Next(2) == 0 ? ["330200"] : [],
        },
    };

    private PositionTyping Position(Locus locus)
    {
        if (_random.Next(25) == 0) return HandTypings.Position(locus, "N");
        var size = _random.Next(5) == 0 ? 1 + _random.Next(4) : 1;
        var groups = Enumerable.Range(0, size).Select(_ => _random.Next(8).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return HandTypings.Position(locus, string.Join(',', groups) + (size == 1 ? "!" : ""));
    }
}
