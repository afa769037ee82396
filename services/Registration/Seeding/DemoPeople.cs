using System.Globalization;
using DonationRegistry.Common.PersonalData;

namespace DonationRegistry.Registration.Seeding;

/// <summary>
/// Synthetic people for demo data, from a seeded random source so the same seed gives the same people (seeding is idempotent):
/// common Chinese names, mobile numbers, and valid resident ID numbers (17 random-but-plausible digits — a county code of the
/// city, a real birth date, a sequence number — completed with <see cref="ResidentIdNumber.CheckCharacterOf"/>), never repeated.
/// </summary>
internal sealed class DemoPeople(int seed)
{
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏方邹孟熊秦邱江薛";
    private const string GivenNames = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华建国志文斌红梅丹玲浩宇欣怡晨阳佳琪子涵俊杰雪婷海燕国庆建平";
    private readonly HashSet<string> _issued = [];

    public Random Random { get; } = new(seed);

    public string Name()
    {
        var given = Random.Next(3) == 0 ? 1 : 2;
        var name = Surnames[Random.Next(Surnames.Length)].ToString();
        for (var i = 0; i < given; i++)
        {
            name += GivenNames[Random.Next(GivenNames.Length)];
        }
        return name;
    }

    public string Mobile() => string.Create(CultureInfo.InvariantCulture, $"1{"3456789"[Random.Next(7)]}{Random.Next(0, 1_000_000_000):000000000}");

    /// <summary>A new valid resident ID number of someone born in <paramref name="county"/> between the two dates.</summary>
    public string IdNumber(string county, DateOnly bornFrom, DateOnly bornTo, Sex? sex = null)
    {
        while (true)
        {
            var birth = bornFrom.AddDays(Random.Next(bornTo.DayNumber - bornFrom.DayNumber + 1));
            var sequence = Random.Next(0, 500) * 2 + ((sex ?? (Random.Next(2) == 0 ? Sex.Male : Sex.Female)) == Sex.Male ? 1 : 0);
            var first17 = string.Create(CultureInfo.InvariantCulture, $"{county}{birth:yyyyMMdd}{sequence:000}");
            var number = first17 + ResidentIdNumber.CheckCharacterOf(first17);
            if (_issued.Add(number))
            {
                return number;
            }
        }
    }
}
