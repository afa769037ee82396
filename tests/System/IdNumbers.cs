using System.Globalization;
using DonationRegistry.Common.PersonalData;

namespace DonationRegistry.SystemTests;

/// <summary>
/// Valid resident ID numbers (GB 11643, 西湖区) that no other call of this process hands out: Registration refuses a second HSC
/// enrolment of the same person, so every simulated volunteer needs their own number. Birth dates stay 20–40 years back (HSC
/// enrols 18–45) from the first caller's day; later callers' days do not move them, so callers that pass different days (the UTC
/// and the Shanghai date differ for eight hours of every day) cannot get the same number twice. A random start keeps two runs
/// against one database apart.
/// </summary>
public static class IdNumbers
{
    private const int SequencesPerDay = 1000;
    private static long s_next = Random.Shared.Next(0, 3650) * (long)SequencesPerDay;
    private static int s_firstDay = -1;

    public static string Next(DateOnly today)
    {
        var n = Interlocked.Increment(ref s_next);
        Interlocked.CompareExchange(ref s_firstDay, today.DayNumber, -1);
        var birth = DateOnly.FromDayNumber(s_firstDay).AddYears(-40).AddDays((int)(n / SequencesPerDay % (365 * 20)));
        var first17 = string.Create(CultureInfo.InvariantCulture, $"330106{birth:yyyyMMdd}{n % SequencesPerDay:000}");
        return first17 + ResidentIdNumber.CheckCharacterOf(first17);
    }
}
