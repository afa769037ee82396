using DonationRegistry.Common.Errors;
using DonationRegistry.FamilyCare.Domain.Aid;
using DonationRegistry.FamilyCare.Domain.Families;
using Xunit;

namespace DonationRegistry.FamilyCare.Domain.Tests;

public sealed class FamilyConsentTests
{
    public static TheoryData<string> MemberChanges() => ["AddChild", "AddElder", "SetContact", "SetCivilAffairsAssistance"];

    [Theory]
    [MemberData(nameof(MemberChanges))]
    public void MemberChange_WhenOnlyReferred_IsRefusedUntilConsent(string change)
    {
        var family = Family.Refer(Guid.NewGuid(), ReferralSource.BodyDonation, Guid.NewGuid(), null, "330106", true, Samples.Now);

        var ex = Assert.Throws<CareRuleException>(() => Apply(family, change));

        Assert.Equal(CareRules.FamilyNotEnrolled, ex.Rule);
        Assert.Empty(family.Children);
        Assert.Empty(family.Elders);
        Assert.Null(family.Contact);
    }

    [Theory]
    [MemberData(nameof(MemberChanges))]
    public void MemberChange_WhenConsentRecorded_IsStored(string change)
    {
        var family = Family.Refer(Guid.NewGuid(), ReferralSource.BodyDonation, Guid.NewGuid(), null, "330106", true, Samples.Now);
        family.RecordConsent(Samples.Now);

        Apply(family, change);

        Assert.Equal(FamilyStatus.Enrolled, family.Status);
        Assert.True(family.Children.Count + family.Elders.Count > 0 || family.Contact is not null || family.CivilAffairsAssistance);
    }

    [Fact]
    public void RecordConsent_WhenAlreadyEnrolled_IsIllegal()
    {
        var family = Samples.EnrolledFamily();

        var ex = Assert.Throws<IllegalTransitionException>(() => family.RecordConsent(Samples.Now));

        Assert.Equal("Enrolled", ex.State);
    }

    [Fact]
    public void Withdraw_WhenEnrolledWithMembers_ErasesThem()
    {
        var (family, _) = Samples.FamilyWithChild();
        family.AddElder(Guid.NewGuid(), "李大爷", 72, "高血压", LivingSituation.Alone);

        family.Withdraw();

        Assert.Equal(FamilyStatus.Withdrawn, family.Status);
        Assert.Empty(family.Children);
        Assert.Empty(family.Elders);
    }

    [Fact]
    public void Refer_WhenReferenceMissing_NamesTheField()
    {
        var ex = Assert.Throws<ValidationFailedException>(() =>
            Family.Refer(Guid.NewGuid(), ReferralSource.OrganDonation, Guid.Empty, null, "330106", true, Samples.Now));

        Assert.Equal("reference", ex.Violations[0].Field);
    }

    [Theory]
    [InlineData("110101")]
    [InlineData("3301")]
    [InlineData("33x106")]
    public void Refer_WhenRegionNotZhejiang_NamesTheRegion(string region)
    {
        var ex = Assert.Throws<ValidationFailedException>(() =>
            Family.Refer(Guid.NewGuid(), ReferralSource.OrganDonation, Guid.NewGuid(), null, region, true, Samples.Now));

        Assert.Equal("region", ex.Violations[0].Field);
    }

    // Guardian consent gating: (age, guardian consent recorded?) → may school and stage be stored?
    [Theory]
    [InlineData(6, false, false)]
    [InlineData(13, false, false)]
    [InlineData(6, true, true)]
    [InlineData(13, true, true)]
    [InlineData(14, false, true)]
    [InlineData(17, false, true)]
    public void RecordSchooling_ByAgeAndGuardianConsent_IsGated(int age, bool guardianConsent, bool allowed)
    {
        var family = Samples.EnrolledFamily();
        var child = family.AddChild(Guid.NewGuid(), "小红", Samples.Today.AddYears(-age));
        if (guardianConsent)
        {
            family.RecordGuardianConsent(child.Id, "王芳", Samples.Now);
        }

        var ex = Record.Exception(() => family.RecordSchooling(child.Id, "西湖中学", SchoolStage.JuniorHigh, Samples.Today));

        if (allowed)
        {
            Assert.Null(ex);
            Assert.Equal(SchoolStage.JuniorHigh, child.Stage);
        }
        else
        {
            Assert.Equal(CareRules.GuardianConsentRequired, Assert.IsType<CareRuleException>(ex).Rule);
            Assert.Null(child.Stage);
            Assert.Null(child.School);
        }
    }

    [Fact]
    public void AgeOn_WhenBirthdayNotYetReached_CountsTheYearBefore()
    {
        var family = Samples.EnrolledFamily();
        var child = family.AddChild(Guid.NewGuid(), "小红", new DateOnly(2012, 11, 24));

        Assert.Equal(13, child.AgeOn(new DateOnly(2026, 11, 23)));
        Assert.Equal(14, child.AgeOn(new DateOnly(2026, 11, 24)));
    }

    [Fact]
    public void ApplyForAid_WhenGuardianConsentMissingForUnder14_IsRefused()
    {
        var (family, child) = Samples.FamilyWithChild(age: 12);
        var aid = StudentAid.Identify(Guid.NewGuid(), family, child, Samples.Today);
        var other = family.AddChild(Guid.NewGuid(), "小刚", Samples.Today.AddYears(-9));

        var ex = Assert.Throws<CareRuleException>(() => aid.Apply(other, "王芳", Samples.Today, Samples.Now));

        Assert.Equal(CareRules.GuardianConsentRequired, ex.Rule);
        Assert.Equal(AidStatus.Identified, aid.Status);
    }

    private static void Apply(Family family, string change)
    {
        switch (change)
        {
            case "AddChild": family.AddChild(Guid.NewGuid(), "小明", new DateOnly(2015, 3, 1)); break;
            case "AddElder": family.AddElder(Guid.NewGuid(), "张奶奶", 78, "良好", LivingSituation.WithFamily); break;
            case "SetContact": family.SetContact(new ContactPerson("张三", "13800000000", "配偶")); break;
            case "SetCivilAffairsAssistance": family.SetCivilAffairsAssistance(true); break;
            default: throw new ArgumentOutOfRangeException(nameof(change));
        }
    }
}
