using DonationRegistry.Hla;
using DonationRegistry.Hla.Matching;

namespace DonationRegistry.Hsc.Searching;

/// <summary>One loaded release and the donor index built with it; replaced as a whole on reload, never changed in place except
/// through the index's own Upsert/Remove.</summary>
public sealed record HlaSnapshot(HlaNomenclature Nomenclature, DonorIndex Index, DateTimeOffset LoadedAt)
{
    public string Release => Nomenclature.Release;
}
