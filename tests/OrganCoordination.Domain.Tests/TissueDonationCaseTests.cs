using DonationRegistry.Common.Errors;
using DonationRegistry.OrganCoordination.Domain.TissueCases;
using Xunit;

namespace DonationRegistry.OrganCoordination.Domain.Tests;

public sealed class TissueDonationCaseTests
{
    private static readonly TissueWindowOptions Options = new();
    private static readonly Actor Bank = new("bank-1", "organ_coordinator", "eyebank-1", "330100");

    [Theory]
    // Month of death in China Standard Time decides winter: 2026-11-30 20:00 UTC is 1 December 04:00 in Hangzhou.
    [InlineData("2026-07-01T02:00:00Z", TissueKind.Cornea, 6)]
    [InlineData("2026-12-15T02:00:00Z", TissueKind.Cornea, 12)]
    [InlineData("2026-01-15T02:00:00Z", TissueKind.Cornea, 12)]
    [InlineData("2026-02-28T15:59:00Z", TissueKind.Cornea, 12)]
    [InlineData("2026-02-28T16:00:00Z", TissueKind.Cornea, 6)]
    [InlineData("2026-11-30T20:00:00Z", TissueKind.Cornea, 12)]
    [InlineData("2026-11-30T15:00:00Z", TissueKind.Cornea, 6)]
    [InlineData("2026-07-01T02:00:00Z", TissueKind.Brain, 8)]
    [InlineData("2026-12-15T02:00:00Z", TissueKind.Brain, 8)]
    public void For_ForEachKindAndSeason_SetsTheDeadlineFromDeath(string died, TissueKind kind, int hours)
    {
        var diedAt = DateTimeOffset.Parse(died, System.Globalization.CultureInfo.InvariantCulture);

        var window = TissueWindow.For(kind, diedAt, Options);

        Assert.Equal(diedAt.AddHours(hours), window.Deadline);
        Assert.Equal(kind == TissueKind.Brain ? diedAt.AddHours(2) : null, window.Target);
    }

    [Fact]
    public void For_WithConfiguredOptions_UsesThem()
    {
        var options = new TissueWindowOptions { Cornea = TimeSpan.FromHours(4), Brain = TimeSpan.FromHours(5), WinterMonths = [] };
        var diedAt = new DateTimeOffset(2026, 12, 24, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(diedAt.AddHours(4), TissueWindow.For(TissueKind.Cornea, diedAt, options).Deadline);
        Assert.Equal(diedAt.AddHours(5), TissueWindow.For(TissueKind.Brain, diedAt, options).Deadline);
    }

    [Theory]
    [InlineData(TissueKind.Cornea, 1, 300, false)]
    [InlineData(TissueKind.Cornea, 6, 0, false)]
    [InlineData(TissueKind.Cornea, 7, -60, true)]
    [InlineData(TissueKind.Brain, 7.5, 30, false)]
    [InlineData(TissueKind.Brain, 9, -60, true)]
    public void TimeLeftAndIsBreached_AtEachClockValue_CountDownToTheDeadlineAndFlagTheBreach(TissueKind kind, double hoursAfterDeath,
        int minutesLeft, bool breached)
    {
        var diedAt = Given.Now.AddHours(-10);
        var c = TissueDonationCase.Notify(Guid.NewGuid(), kind, "330100", "hosp-1", "bank", null, diedAt, Guid.NewGuid(), false, Options, Bank, diedAt.AddMinutes(30));
        var now = diedAt.AddHours(hoursAfterDeath);

        Assert.Equal(TimeSpan.FromMinutes(minutesLeft), c.TimeLeft(now));
        Assert.Equal(breached, c.IsBreached(now));
    }

    [Theory]
    [InlineData(5, false)]
    [InlineData(7, true)]
    public void Recover_AfterTheDeadline_IsRecordedAndFlaggedAndTheClockStops(double hoursAfterDeath, bool late)
    {
        var diedAt = Given.Now.AddHours(-20);
        var c = TissueDonationCase.Notify(Guid.NewGuid(), TissueKind.Cornea, "330100", "hosp-1", "bank", null, diedAt, Guid.NewGuid(), false, Options, Bank, diedAt.AddMinutes(10));

        c.Recover(diedAt.AddHours(hoursAfterDeath), "REC-1", Bank, Given.Now);

        Assert.Equal(TissueCaseStatus.Recovered, c.Status);
        Assert.Equal(late, c.RecoveredLate);
        Assert.Equal(late, c.IsBreached(Given.Now));
        Assert.Equal(TimeSpan.FromHours(6 - hoursAfterDeath), c.TimeLeft(Given.Now.AddDays(3)));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, true)]
    public void IsPastTarget_ForBrainTissue_ShowsRecoveriesLaterThanTwoHours(double hoursAfterDeath, bool pastTarget)
    {
        var diedAt = Given.Now;
        var window = TissueWindow.For(TissueKind.Brain, diedAt, Options);

        Assert.Equal(pastTarget, window.IsPastTarget(diedAt.AddHours(hoursAfterDeath)));
        Assert.False(window.IsBreached(diedAt.AddHours(hoursAfterDeath)));
    }

    [Fact]
    public void IsBreached_WhenDeclined_IsNotFlagged()
    {
        var diedAt = Given.Now.AddHours(-20);
        var c = TissueDonationCase.Notify(Guid.NewGuid(), TissueKind.Cornea, "330100", "hosp-1", "bank", null, diedAt, Guid.NewGuid(), false, Options, Bank, diedAt.AddHours(1));

        c.Decline(TissueDeclineReason.WindowMissed, null, Bank, Given.Now);

        Assert.False(c.IsBreached(Given.Now));
        Assert.Equal(TissueCaseStatus.Declined, c.Status);
    }

    [Theory]
    [InlineData(-1, "recover_time")]
    [InlineData(25, "recover_time")]
    public void Recover_WhenTheTimeLiesOutsideDeathAndNow_IsRefused(int hoursAfterDeath, string field)
    {
        var diedAt = Given.Now.AddHours(-20);
        var c = TissueDonationCase.Notify(Guid.NewGuid(), TissueKind.Cornea, "330100", "hosp-1", "bank", null, diedAt, Guid.NewGuid(), false, Options, Bank, diedAt.AddHours(1));

        Assert.Equal(field, Assert.Throws<ValidationFailedException>(() => c.Recover(diedAt.AddHours(hoursAfterDeath), "R", Bank, Given.Now)).Violations.Single().Field);
        Assert.Equal(TissueCaseStatus.DeathNotified, c.Status);
    }

    [Theory]
    [InlineData((TissueKind)0, "330100", "bank", 1, "kind")]
    [InlineData(TissueKind.Cornea, "33010", "bank", 1, "region_code")]
    [InlineData(TissueKind.Cornea, "330100", "", 1, "receiving_unit")]
    [InlineData(TissueKind.Cornea, "330100", "bank", -1, "death_time")]
    [InlineData(TissueKind.Cornea, "330100", "bank", 24 * 8, "death_time")]
    public void Notify_ForEachBadInput_NamesTheField(TissueKind kind, string region, string bank, int hoursAgo, string field) =>
        Assert.Equal(field, Assert.Throws<ValidationFailedException>(() => TissueDonationCase.Notify(Guid.NewGuid(), kind, region, "hosp-1", bank, null,
            Given.Now.AddHours(-hoursAgo), Guid.NewGuid(), false, Options, Bank, Given.Now)).Violations.Single().Field);

    [Theory]
    [InlineData(true, "CONSENT-9", "张三", null)]
    [InlineData(true, null, "张三", "memorial.consent_document_reference")]
    [InlineData(true, "CONSENT-9", null, "memorial.inscribed_name")]
    [InlineData(false, null, null, null)]
    [InlineData(false, "CONSENT-9", null, null)]
    [InlineData(false, null, "张三", "memorial.inscribed_name")]
    [InlineData(false, "CONSENT-9", "张三", "memorial.inscribed_name")]
    public void Memorialise_WithAnInscription_NeedsTheFamilysSeparateConsent(bool inscription, string? consent, string? name, string? refusedField)
    {
        var diedAt = Given.Now.AddHours(-20);
        var c = TissueDonationCase.Notify(Guid.NewGuid(), TissueKind.Brain, "330100", "hosp-1", "brainbank", null, diedAt, Guid.NewGuid(), true, Options, Bank, diedAt.AddHours(1));
        c.Recover(diedAt.AddHours(3), "R", Bank, Given.Now);
        c.RecordUse(TissueUse.Research, Bank, Given.Now);

        if (refusedField is null)
        {
            c.Memorialise("生命礼敬园", inscription, consent, name, Bank, Given.Now);
            Assert.Equal(TissueCaseStatus.Memorialised, c.Status);
            Assert.Equal(inscription ? consent : null, c.Memorial!.ConsentDocumentReference);
            Assert.Equal(inscription ? name : null, c.Memorial.InscribedName);
            return;
        }
        Assert.Equal(refusedField, Assert.Throws<ValidationFailedException>(() =>
            c.Memorialise("生命礼敬园", inscription, consent, name, Bank, Given.Now)).Violations.Single().Field);
        Assert.Equal(TissueCaseStatus.Used, c.Status);
    }
}
