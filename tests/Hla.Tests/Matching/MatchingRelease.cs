using DonationRegistry.Hla;
using DonationRegistry.Hla.Matching;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hla.Tests.Matching;

/// <summary>The 3.58.0 release for the matching tests: the test run's shared nomenclature (read in place, see ImgtData).</summary>
internal static class MatchingRelease
{
    public static HlaNomenclature Nomenclature => Nomenclatures.V3580;

    public static NomenclatureGrader Grader => new(Nomenclatures.V3580);
}
