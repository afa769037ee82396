extern alias IdentityService;
using DonationRegistry.Common.Errors;
using IdentityService::DonationRegistry.Identity.Domain;
using Xunit;

namespace DonationRegistry.Identity.Tests;

/// <summary>The input rules for users, without a database.</summary>
public sealed class UserRulesTests
{
    [Theory]
    [InlineData("330100", true)]
    [InlineData("330000", true)]
    [InlineData("110101", true)]
    [InlineData("820000", true)]
    [InlineData("33010", false)]
    [InlineData("3301000", false)]
    [InlineData("990000", false)]
    [InlineData("000000", false)]
    [InlineData("33010a", false)]
    [InlineData("３３０１００", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsRegionCode_WhenGiven_AcceptsOnlySixDigitsOfAProvince(string? region, bool expected) =>
        Assert.Equal(expected, UserRules.IsRegionCode(region));

    [Theory]
    [InlineData("clerk", true)]
    [InlineData("officer.hz", true)]
    [InlineData("t-0123456789abcdef", true)]
    [InlineData("ab", false)]
    [InlineData(".dot", false)]
    [InlineData("has space", false)]
    [InlineData("Upper", false)]
    [InlineData("张三", false)]
    public void CheckUserName_WhenGiven_AcceptsLowerCaseNames(string userName, bool valid)
    {
        var violations = new List<FieldViolation>();

        UserRules.CheckUserName(userName, "user.user_name", violations);

        Assert.Equal(valid, violations.Count == 0);
    }

    [Fact]
    public void CheckAssignment_WhenEverythingWrong_ReportsEachFieldUnderThePrefix()
    {
        var violations = new List<FieldViolation>();

        UserRules.CheckAssignment("superuser", "", "", "12345", "user.", violations);

        Assert.Equal(["user.org_id", "user.org_type", "user.region", "user.role"], violations.Select(v => v.Field).Order());
    }

    [Fact]
    public void NormalizeUserName_WhenPaddedAndMixedCase_TrimsAndLowers() =>
        Assert.Equal("officer.hz", UserRules.NormalizeUserName("  Officer.HZ "));
}
