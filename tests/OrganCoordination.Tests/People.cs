using System.Globalization;
using ResidentIdNumber = DonationRegistry.Common.PersonalData.ResidentIdNumber;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>Synthetic, valid, unique resident ID numbers (GB 11643 checksum) for tests.</summary>
public static class People
{
    private static readonly DateOnly Start = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 5000));
    private static int _counter;

    public static string NewIdNumber(string region = "330106")
    {
        var n = Interlocked.Increment(ref _counter);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{region}{Start.AddDays(n / 400):yyyyMMdd}{n % 400 * 2 + 101:000}");
        return first17 + ResidentIdNumber.CheckCharacterOf(first17);
    }
}
