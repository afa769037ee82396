using DonationRegistry.FamilyCare.Domain.Aid;
using DonationRegistry.FamilyCare.Domain.Families;

namespace DonationRegistry.FamilyCare.Domain.Tests;

/// <summary>Small builders for the tests: an enrolled family, a child at a stage, funds and amounts.</summary>
internal static class Samples
{
    public static readonly DateOnly Today = new(2026, 11, 23);
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    public static readonly AidAmountTable Amounts = new(new Dictionary<SchoolStage, decimal>
    {
        [SchoolStage.Primary] = 2600m, [SchoolStage.JuniorHigh] = 2800m, [SchoolStage.SeniorHigh] = 3000m,
        [SchoolStage.Vocational] = 3000m, [SchoolStage.University] = 3000m,
    });

    public static Family EnrolledFamily(string region = "330106", ReferralSource source = ReferralSource.OrganDonation)
    {
        var family = Family.Refer(Guid.NewGuid(), source, Guid.NewGuid(), Guid.NewGuid(), region, true, Now.AddDays(-30));
        family.RecordConsent(Now.AddDays(-20));
        return family;
    }

    /// <summary>An enrolled family with one child of <paramref name="age"/> at <paramref name="stage"/> (guardian consent given).</summary>
    public static (Family Family, ChildMember Child) FamilyWithChild(int age = 12, SchoolStage stage = SchoolStage.Primary)
    {
        var family = EnrolledFamily();
        var child = family.AddChild(Guid.NewGuid(), "小明", Today.AddYears(-age).AddDays(-10));
        family.RecordGuardianConsent(child.Id, "王芳", Now);
        family.RecordSchooling(child.Id, "西湖小学", stage, Today);
        return (family, child);
    }

    public static (AidFund Fund, FundBudget Budget) Fund(decimal budget, int year = 2026)
    {
        var fund = AidFund.Create(Guid.NewGuid(), "杭州市小桔灯助学基金", AidTier.City, "330100");
        return (fund, FundBudget.Create(fund.Id, year, budget));
    }

    /// <summary>An aid case brought to Verified, ready for approval.</summary>
    public static (StudentAid Aid, ChildMember Child) VerifiedAid(SchoolStage stage = SchoolStage.Primary)
    {
        var (family, child) = FamilyWithChild(stage: stage);
        var aid = StudentAid.Identify(Guid.NewGuid(), family, child, Today);
        aid.Apply(child, "王芳", Today, Now);
        aid.Verify(true, true, Now);
        return (aid, child);
    }
}
