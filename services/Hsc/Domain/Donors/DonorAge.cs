namespace DonationRegistry.Hsc.Domain.Donors;

/// <summary>
/// Age rules with only a birth year known (the HSC service never holds a birth date): a donor's age on a day is the age they reach
/// in that calendar year, so a donor ages out on 1 January of the year after the one in which they turn the maximum age. The
/// maximum comes from configuration (Hsc:MaximumDonorAge, default <see cref="DefaultMaximum"/>: CMDP keeps donors until 60).
/// </summary>
public static class DonorAge
{
    public const int DefaultMaximum = 60;

    /// <summary>The age reached in the calendar year of <paramref name="today"/>.</summary>
    public static int On(int birthYear, DateOnly today) => today.Year - birthYear;

    public static bool IsAgedOut(int birthYear, DateOnly today, int maximumAge) => On(birthYear, today) > maximumAge;
}
