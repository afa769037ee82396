using DonationRegistry.Common.PersonalData;
using Xunit;

namespace DonationRegistry.Common.Tests;

public sealed class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("11010519491231002X", "110105", "1949-12-31", Sex.Female)] // the standard's own example
    [InlineData("11010519491231002x", "110105", "1949-12-31", Sex.Female)] // lower-case check character
    [InlineData(" 330106 19850312 1231 ", "330106", "1985-03-12", Sex.Male)]
    [InlineData("330102196208150043", "330102", "1962-08-15", Sex.Female)]
    public void TryParse_WhenValid_DerivesRegionBirthDateAndSex(string input, string region, string birth, Sex sex)
    {
        Assert.True(ResidentIdNumber.TryParse(input, Today, out var number, out var error), error);

        Assert.Equal(region, number!.RegionCode);
        Assert.Equal(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), number.BirthDate);
        Assert.Equal(sex, number.Sex);
        Assert.Equal(18, number.Value.Length);
    }

    [Theory]
    [InlineData("", "18 characters")]
    [InlineData("33010619850312123", "18 characters")]
    [InlineData("3301061985031212311", "18 characters")]
    [InlineData("33010619850312123A", "check character")]
    [InlineData("330106198503121232", "check character")]
    [InlineData("3301A6198503121231", "digits")]
    [InlineData("110105194902300021", "birth date")] // 30 February, with a correct check character
    [InlineData("110105203001010011", "future")]
    public void TryParse_WhenInvalid_SaysWhy(string input, string reason)
    {
        var fixedInput = input.Length == 18 && reason is "birth date" or "future" ? WithCheckCharacter(input) : input;

        Assert.False(ResidentIdNumber.TryParse(fixedInput, Today, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void AgeOn_WhenBirthdayNotYetReached_CountsPreviousYear()
    {
        ResidentIdNumber.TryParse("330106198503121231", Today, out var number, out _);

        Assert.Equal(40, number!.AgeOn(new DateOnly(2026, 3, 11)));
        Assert.Equal(41, number.AgeOn(new DateOnly(2026, 3, 12)));
    }

    [Fact]
    public void CheckCharacterOf_WhenEveryPossibleRemainder_MatchesStandardTable()
    {
        // Property: for any 17 digits, the number completed with its check character parses (when the date is real).
        var random = new Random(2026);
        for (var i = 0; i < 500; i++)
        {
            var birth = new DateOnly(1930, 1, 1).AddDays(random.Next(0, 30000));
            var first17 = $"330{random.Next(100, 999)}{birth:yyyyMMdd}{random.Next(0, 999):000}";
            var full = first17 + ResidentIdNumber.CheckCharacterOf(first17);
            Assert.True(ResidentIdNumber.TryParse(full, Today, out _, out var error), $"{full}: {error}");
        }
    }

    private static string WithCheckCharacter(string input) => input[..17] + ResidentIdNumber.CheckCharacterOf(input.AsSpan(0, 17));
}
