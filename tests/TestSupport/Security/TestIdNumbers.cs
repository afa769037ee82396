using System.Globalization;
using DonationRegistry.Common.PersonalData;

namespace DonationRegistry.TestSupport.Security;

/// <summary>Synthetic, valid resident ID numbers (GB 11643 check character) for the leak scans: unique within a test run.</summary>
public static class TestIdNumbers
{
    private static readonly DateOnly Start = new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 7000));
    private static int _counter;

    /// <summary>A fresh number of someone born on <paramref name="birthDate"/> (default: born 1960–1979) in county
    /// <paramref name="region"/>; <paramref name="endingInX"/> asks for one whose check character is X (or is not).</summary>
    public static string New(DateOnly? birthDate = null, string region = "330106", bool? endingInX = null)
    {
        while (true)
        {
            var n = Interlocked.Increment(ref _counter);
            var birth = birthDate ?? Start.AddDays(n / 900);
            var first17 = string.Create(CultureInfo.InvariantCulture, $"{region}{birth:yyyyMMdd}{n % 900 + 100:000}");
            var check = ResidentIdNumber.CheckCharacterOf(first17);
            if (endingInX is null || endingInX == (check == 'X'))
            {
                return first17 + check;
            }
        }
    }

    /// <summary>The same number with a check character that is wrong for it (never the right one by chance).</summary>
    public static string WithWrongCheckCharacter(string idNumber) => idNumber[..17] + (idNumber[17] == '0' ? '1' : '0');
}
