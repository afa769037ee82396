using Xunit;

namespace DonationRegistry.Common.Tests;

public sealed class RegionCodesTests
{
    [Theory]
    [InlineData("330000", "330106", true)]  // the province contains a Hangzhou district
    [InlineData("330100", "330106", true)]  // Hangzhou contains its district
    [InlineData("330100", "330100", true)]
    [InlineData("330100", "330203", false)] // not a Ningbo district
    [InlineData("330106", "330106", true)]
    [InlineData("330106", "330105", false)]
    public void Contains_WhenScopeAndCode_FollowsTheTiers(string scope, string code, bool expected) =>
        Assert.Equal(expected, RegionCodes.Contains(scope, code));

    [Theory]
    [InlineData("330106", true)]
    [InlineData("331100", true)]
    [InlineData("330000", true)]
    [InlineData("331200", false)] // no twelfth city
    [InlineData("110105", false)] // Beijing
    [InlineData("33010", false)]
    [InlineData("33010a", false)]
    public void IsZhejiang_WhenCode_AcceptsOnlyTheProvinceAndItsCities(string code, bool expected) =>
        Assert.Equal(expected, RegionCodes.IsZhejiang(code));
}
