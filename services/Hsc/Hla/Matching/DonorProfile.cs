namespace DonationRegistry.Hla.Matching;

/// <summary>
/// The non-HLA facts a search filters and ranks by. The service decides <see cref="Searchable"/> (only Available donors are);
/// the index never looks at lifecycle states itself.
/// </summary>
/// <param name="BirthDate">Birth date; when only the year is known use <see cref="FromBirthYear"/> (1 July of that year).</param>
/// <param name="Sex">Recorded sex.</param>
/// <param name="Abo">ABO group.</param>
/// <param name="Cmv">CMV serostatus.</param>
/// <param name="RegionCode">Registry region code (e.g. the city's administrative code <c>330200</c>); may be empty.</param>
/// <param name="Searchable">True when searches may return the donor.</param>
public sealed record DonorProfile(DateOnly BirthDate, DonorSex Sex, AboGroup Abo, CmvStatus Cmv, string RegionCode, bool Searchable)
{
    /// <summary>A profile when only the birth year is known: mid-year, so an age filter errs by at most half a year either way.</summary>
    public static DonorProfile FromBirthYear(int birthYear, DonorSex sex, AboGroup abo, CmvStatus cmv, string regionCode, bool searchable) =>
        new(new DateOnly(birthYear, 7, 1), sex, abo, cmv, regionCode, searchable);

    /// <summary>Age in whole years on <paramref name="asOf"/>.</summary>
    public int AgeOn(DateOnly asOf) => Age(BirthDate, asOf);

    internal static int Age(DateOnly birthDate, DateOnly asOf)
    {
        var age = asOf.Year - birthDate.Year;
        if (asOf.Month < birthDate.Month || (asOf.Month == birthDate.Month && asOf.Day < birthDate.Day)) age--;
        return age;
    }
}
