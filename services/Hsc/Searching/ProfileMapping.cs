using DonationRegistry.Hla.Matching;
using Pool = DonationRegistry.Hsc.Domain.Donors;
using Sex = DonationRegistry.Common.PersonalData.Sex;

namespace DonationRegistry.Hsc.Searching;

/// <summary>The service's donor facts in the matching engine's words.</summary>
public static class ProfileMapping
{
    public static DonorProfile Profile(DonorRow row) =>
        DonorProfile.FromBirthYear(row.BirthYear, ToIndex(row.Sex), ToIndex(row.Abo), ToIndex(row.Cmv), row.RegionCode, row.Searchable);

    public static DonorSex ToIndex(Sex sex) => sex switch
    {
        Sex.Male => DonorSex.Male,
        Sex.Female => DonorSex.Female,
        _ => DonorSex.Unknown,
    };

    public static AboGroup ToIndex(Pool.AboGroup abo) => abo switch
    {
        Pool.AboGroup.O => AboGroup.O,
        Pool.AboGroup.A => AboGroup.A,
        Pool.AboGroup.B => AboGroup.B,
        Pool.AboGroup.AB => AboGroup.AB,
        _ => AboGroup.Unknown,
    };

    public static CmvStatus ToIndex(Pool.CmvStatus cmv) => cmv switch
    {
        Pool.CmvStatus.Negative => CmvStatus.Negative,
        Pool.CmvStatus.Positive => CmvStatus.Positive,
        _ => CmvStatus.Unknown,
    };
}
