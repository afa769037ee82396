using DonationRegistry.Registration.Domain.Registrations;
using Xunit;

namespace DonationRegistry.Registration.Domain.Tests;

public sealed class RegistrationNumberTests
{
    [Fact]
    public void Format_WhenRegionYearSequence_IsReadableAndWellFormed()
    {
        var number = RegistrationNumber.Format("330100", 2026, 123);

        Assert.StartsWith("ZJ-330100-2026-000123-", number, StringComparison.Ordinal);
        Assert.True(RegistrationNumber.IsWellFormed(number));
    }

    [Fact]
    public void IsWellFormed_WhenAnySingleDigitMistyped_DetectsIt()
    {
        var number = RegistrationNumber.Format("330200", 2026, 4711);
        for (var i = 3; i < number.Length - 2; i++)
        {
            if (!char.IsAsciiDigit(number[i]))
            {
                continue;
            }
            var typo = number.ToCharArray();
            typo[i] = (char)('0' + ((number[i] - '0' + 1) % 10));
            Assert.False(RegistrationNumber.IsWellFormed(new string(typo)), new string(typo));
        }
    }

    [Fact]
    public void NewVerificationCode_WhenIssued_HasEightUnambiguousCharacters()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => RegistrationNumber.NewVerificationCode()).ToList();

        Assert.All(codes, c => Assert.Matches("^[2-9A-HJKMNP-Z]{8}$", c));
        Assert.True(codes.Distinct().Count() > 195);
    }
}
