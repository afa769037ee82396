using DonationRegistry.Common.PersonalData;
using Xunit;

namespace DonationRegistry.Common.Tests;

public sealed class IdNumberMaskTests
{
    [Theory]
    [InlineData("330106198503121231", "3301**********1231")]
    [InlineData("11010519491231002x", "1101**********002X")]
    [InlineData("E12345678", "*******78")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Mask_WhenNumberGiven_ShowsOnlyEnds(string? input, string expected) => Assert.Equal(expected, IdNumberMask.Mask(input));

    [Fact]
    public void ToString_WhenResidentNumber_IsMasked()
    {
        ResidentIdNumber.TryParse("330106198503121231", new DateOnly(2026, 1, 1), out var number, out _);

        Assert.Equal("3301**********1231", number!.ToString());
    }
}
