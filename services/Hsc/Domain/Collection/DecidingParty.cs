namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>Who decided that a case ends (recorded with the cancellation; the caller is the party that records it).</summary>
public enum DecidingParty
{
    CityRedCross = 1,
    LocalRedCross = 2,
    CollectionHospital = 3,
    TransplantCentre = 4,
    Donor = 5,
}
