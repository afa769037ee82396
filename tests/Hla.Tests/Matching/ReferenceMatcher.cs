using DonationRegistry.Hla;
using DonationRegistry.Hla.Matching;

namespace DonationRegistry.Hla.Tests.Matching;

/// <summary>
/// The matching rules written a second time, as plainly as possible (lists, sets, loops; no index, no tables, nothing shared
/// with the engine), so the property tests can check the engine against it.
/// </summary>
internal static class ReferenceMatcher
{
    private static readonly Locus[] MatchedLoci = [Locus.A, Locus.B, Locus.C, Locus.Drb1, Locus.Dqb1];

    /// <summary>Matches (0–2) at a locus, or null when the patient or the donor is untyped there.</summary>
    public static int? MatchCount(LocusTyping? patient, LocusTyping? donor)
    {
        if (patient is null || donor is null) return null;
        var p = ExpressedSets(patient);
        var d = ExpressedSets(donor);
        var direct = 0;
        if (p[0].Overlaps(d[0])) direct++;
        if (p[1].Overlaps(d[1])) direct++;
        var crossed = 0;
        if (p[0].Overlaps(d[1])) crossed++;
        if (p[1].Overlaps(d[0])) crossed++;
        return direct > crossed ? direct : crossed;
    }

    /// <summary>Whether a search would return the donor (HLA criteria, then searchable flag and filters).</summary>
    public static bool Included(Genotype patient, Genotype donor, DonorProfile profile, MatchCriteria criteria, DonorFilter filter, DateOnly asOf)
    {
        var total = 0;
        foreach (var locus in MatchedLoci)
        {
            var required = locus == Locus.A || locus == Locus.B || locus == Locus.Drb1;
            if (required && donor[locus] is null) return false;
            if (!criteria.Counts(locus)) continue;
            var matches = MatchCount(patient[locus], donor[locus]);
            var mismatches = matches is null ? 0 : 2 - matches.Value;
            if (mismatches > criteria.MaxMismatchesAt(locus)) return false;
            total += mismatches;
        }
        if (total > criteria.MaxTotalMismatches) return false;
        if (!profile.Searchable) return false;

        var age = asOf.Year - profile.BirthDate.Year;
        if (profile.BirthDate.AddYears(age) > asOf) age--;
        if (filter.MinAge is not null && age < filter.MinAge) return false;
        if (filter.MaxAge is not null && age > filter.MaxAge) return false;
        if (filter.Sex is not null && profile.Sex != filter.Sex) return false;
        if (filter.AboGroups.Count > 0 && !filter.AboGroups.Contains(profile.Abo)) return false;
        if (filter.Cmv is not null && profile.Cmv != filter.Cmv) return false;
        if (filter.RegionCodes.Count > 0 && !filter.RegionCodes.Contains(profile.RegionCode)) return false;
        return true;
    }

    /// <summary>The P-group sets of the two positions, a null position replaced by the other (homozygous for the expressed one).</summary>
    private static List<HashSet<int>> ExpressedSets(LocusTyping typing)
    {
        var first = new HashSet<int>(typing.First.PGroups);
        var second = new HashSet<int>(typing.Second.PGroups);
        if (typing.First.IsNull && !typing.Second.IsNull) first = second;
        if (typing.Second.IsNull && !typing.First.IsNull) second = first;
        return [first, second];
    }
}
