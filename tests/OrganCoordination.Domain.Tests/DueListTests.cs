using DonationRegistry.OrganCoordination.Domain.Overview;
using Xunit;

namespace DonationRegistry.OrganCoordination.Domain.Tests;

/// <summary>The due list with a fixed clock: overdue steps by the configured durations, tissue windows closing or missed.</summary>
public sealed class DueListTests
{
    private static readonly DateTimeOffset Now = Given.Now;
    private static readonly DueListOptions Options = new();

    private static CaseSnapshot Organ(string state, TimeSpan since) =>
        new(DonationKind.Organ, Guid.NewGuid(), state, Now - since, "330106", "HOSP-1", null, ["Next"]);

    private static CaseSnapshot Tissue(DonationKind kind, string state, TimeSpan left) =>
        new(kind, Guid.NewGuid(), state, Now.AddHours(-1), "330106", "HOSP-1", "EB-1", ["Recover", "Decline"], Now + left);

    [Theory]
    [InlineData("Referred", 1, false)]
    [InlineData("Referred", 3, true)]
    [InlineData("FamilyApproach", 47, false)]
    [InlineData("FamilyApproach", 49, true)]
    [InlineData("DeathDeclared", 5, true)]
    [InlineData("CertificateIssued", 24 * 8, true)]
    public void For_WhenAStateLastsLongerThanExpected_IsOverdue(string state, int hoursInState, bool overdue)
    {
        var item = DueList.For([Organ(state, TimeSpan.FromHours(hoursInState))], Options, Now).Single();

        Assert.Equal(overdue, item.Overdue);
        Assert.Equal(Now - TimeSpan.FromHours(hoursInState) + Options.ExpectedDurations["Organ." + state], item.DueAt);
    }

    [Fact]
    public void For_WhenAStateHasNoExpectedDuration_IsNeverOverdue()
    {
        var inUse = new CaseSnapshot(DonationKind.Body, Guid.NewGuid(), "InUse", Now.AddYears(-3), "330106", "HOSP-1", "BRU-1", ["Dispose"]);

        var item = DueList.For([inUse], Options, Now).Single();

        Assert.False(item.Overdue);
        Assert.Null(item.DueAt);
        Assert.Equal(Roles.ReceivingUnitStaff, item.WaitingFor);
    }

    [Fact]
    public void For_WhenTheDurationsAreConfigured_UsesTheConfiguration()
    {
        var options = new DueListOptions { ExpectedDurations = new() { ["Organ.Referred"] = TimeSpan.FromMinutes(30) } };

        Assert.True(DueList.For([Organ("Referred", TimeSpan.FromHours(1))], options, Now).Single().Overdue);
        Assert.False(DueList.For([Organ("Referred", TimeSpan.FromHours(1))], Options, Now).Single().Overdue);
    }

    [Theory]
    [InlineData(DonationKind.Cornea, 180, false, false)]
    [InlineData(DonationKind.Cornea, 90, true, false)]
    [InlineData(DonationKind.Brain, 1, true, false)]
    [InlineData(DonationKind.Brain, -1, false, true)]
    [InlineData(DonationKind.Cornea, -60, false, true)]
    public void For_TissueWaitingForRecovery_FlagsTheWindow(DonationKind kind, int minutesLeft, bool closing, bool breached)
    {
        var item = DueList.For([Tissue(kind, "DeathNotified", TimeSpan.FromMinutes(minutesLeft))], Options, Now).Single();

        Assert.Equal(TimeSpan.FromMinutes(minutesLeft), item.TissueTimeLeft);
        Assert.Equal(closing, item.TissueWindowClosing);
        Assert.Equal(breached, item.TissueWindowBreached);
        Assert.Equal(breached, item.Overdue);
        Assert.Equal(Roles.ReceivingUnitStaff, item.WaitingFor);
    }

    [Fact]
    public void For_TissueAlreadyRecovered_HasNoWindowLeft()
    {
        var item = DueList.For([Tissue(DonationKind.Cornea, "Recovered", TimeSpan.FromHours(-10))], Options, Now).Single();

        Assert.Null(item.TissueTimeLeft);
        Assert.False(item.TissueWindowBreached);
    }

    [Fact]
    public void For_SeveralCases_PutsTheMostUrgentFirst()
    {
        var calm = Organ("Evaluating", TimeSpan.FromHours(1));
        var overdue = Organ("Referred", TimeSpan.FromHours(5));
        var closing = Tissue(DonationKind.Cornea, "DeathNotified", TimeSpan.FromMinutes(30));

        var items = DueList.For([calm, closing, overdue], Options, Now);

        Assert.Equal([overdue.CaseId, closing.CaseId, calm.CaseId], items.Select(i => i.CaseId));
    }

    [Theory]
    [InlineData(DonationKind.Organ, "Referred", Roles.OrganCoordinator)]
    [InlineData(DonationKind.Organ, "DeathDeclared", Roles.RegistryOfficer)]
    [InlineData(DonationKind.Body, "DeathNotified", Roles.OrganCoordinator)]
    [InlineData(DonationKind.Body, "HandoverAgreed", Roles.ReceivingUnitStaff)]
    [InlineData(DonationKind.Body, "Received", Roles.ReceivingUnitStaff)]
    [InlineData(DonationKind.Body, "Disposed", Roles.OrganCoordinator)]
    [InlineData(DonationKind.Cornea, "DeathNotified", Roles.ReceivingUnitStaff)]
    [InlineData(DonationKind.Brain, "Recovered", Roles.ReceivingUnitStaff)]
    [InlineData(DonationKind.Brain, "Used", Roles.OrganCoordinator)]
    public void WaitingFor_ForEachKindAndState_NamesTheRole(DonationKind kind, string state, string role) =>
        Assert.Equal(role, DueList.WaitingFor(kind, state));
}
