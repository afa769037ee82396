using System.Globalization;
using DonationRegistry.Common.PersonalData;

namespace DonationRegistry.Portal.E2E;

/// <summary>Made-up people with valid, unique resident ID numbers (GB 11643 check character from Common).</summary>
public static class TestPeople
{
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平"];

    /// <summary>A resident ID number of someone born in Hangzhou (330106) on <paramref name="birth"/>; odd sequence = male.</summary>
    public static string IdNumber(DateOnly birth, bool male = true)
    {
        var sequence = Random.Shared.Next(0, 50) * 2 + (male ? 1 : 0) + Random.Shared.Next(0, 9) * 100;
        var first17 = "330106" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + ResidentIdNumber.CheckCharacterOf(first17);
    }

    /// <summary>A valid number of an adult, unique enough for one test run.</summary>
    public static string AdultIdNumber() =>
        IdNumber(new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 365 * 30)), male: Random.Shared.Next(2) == 1);

    /// <summary>A Chinese name unlikely to repeat within a run (surname 测 + three given characters).</summary>
    public static string Name() => "测" + string.Concat(Enumerable.Range(0, 3).Select(_ => Given[Random.Shared.Next(Given.Length)]));

}
