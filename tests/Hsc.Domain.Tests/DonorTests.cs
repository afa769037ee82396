using DonationRegistry.Common.Errors;
using DonationRegistry.Common.PersonalData;
using DonationRegistry.Hsc.Application;
using DonationRegistry.Hsc.Domain.Donors;
using Xunit;

namespace DonationRegistry.Hsc.Domain.Tests;

public sealed class DonorTests
{
    private static readonly DateTimeOffset Enrolled = new(2020, 5, 1, 2, 0, 0, TimeSpan.Zero);

    private static Donor NewDonor(int birthYear = 1990) =>
        new(Guid.CreateVersion7(), Guid.NewGuid(), "330106", birthYear, Sex.Female, Enrolled);

    private static Donor AvailableDonor(int birthYear = 1990)
    {
        var donor = NewDonor(birthYear);
        donor.RecordSample("S-1", Enrolled);
        donor.RecordTyping(Guid.NewGuid(), searchable: true, Enrolled);
        return donor;
    }

    // The clock is UTC; the calendar day is Shanghai's (UTC+8): 16:00 UTC on 31 December is already 1 January in Zhejiang.
    [Theory]
    [InlineData(1965, "2025-12-31T15:59:59Z", 60, false)]
    [InlineData(1965, "2025-12-31T16:00:00Z", 60, true)]
    [InlineData(1965, "2025-06-01T00:00:00Z", 60, false)]
    [InlineData(1966, "2026-11-23T00:00:00Z", 60, false)]
    [InlineData(1965, "2026-01-02T00:00:00Z", 60, true)]
    [InlineData(1970, "2026-01-02T00:00:00Z", 55, true)]
    [InlineData(1971, "2026-01-02T00:00:00Z", 55, false)]
    public void AgeOutIfDue_WhenTheClockPassesTheYearAfterTheMaximumAge_AgesOut(int birthYear, string utcNow, int maximumAge, bool agedOut)
    {
        var clock = new FixedClock(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));
        var donor = AvailableDonor(birthYear);

        var changed = donor.AgeOutIfDue(DonorCommands.Today(clock.GetUtcNow()), maximumAge, clock.GetUtcNow());

        Assert.Equal(agedOut, changed);
        Assert.Equal(agedOut ? DonorStatus.AgedOut : DonorStatus.Available, donor.Status);
        Assert.Equal(agedOut ? clock.GetUtcNow() : Enrolled, donor.UpdatedAt);
    }

    [Theory]
    [InlineData(DonorStatus.Withdrawn)]
    [InlineData(DonorStatus.PermanentlyDeferred)]
    public void AgeOutIfDue_WhenAlreadyFinal_LeavesTheDonorAlone(DonorStatus final)
    {
        var donor = AvailableDonor(1940);
        if (final == DonorStatus.Withdrawn)
        {
            donor.Withdraw("wish", Enrolled);
        }
        else
        {
            donor.PermanentlyDefer("unfit", Enrolled);
        }

        Assert.False(donor.AgeOutIfDue(new DateOnly(2026, 1, 1), 60, Enrolled));
        Assert.Equal(final, donor.Status);
    }

    [Theory]
    [InlineData(true, DonorStatus.Available)]
    [InlineData(false, DonorStatus.Typed)]
    public void RecordTyping_WhenTheTypingCoversOrMissesTheRequiredLoci_MakesAvailableOrStaysTyped(bool searchable, DonorStatus expected)
    {
        var donor = NewDonor();
        donor.RecordSample("S-2", Enrolled);
        var typingId = Guid.NewGuid();

        donor.RecordTyping(typingId, searchable, Enrolled);

        Assert.Equal(expected, donor.Status);
        Assert.Equal(typingId, donor.CurrentTypingId);
        Assert.Equal(searchable, donor.IsSearchable);
    }

    [Fact]
    public void RecordTyping_WhenNoSampleWasRecorded_IsRefused()
    {
        var donor = NewDonor();

        var ex = Assert.Throws<IllegalTransitionException>(() => donor.RecordTyping(Guid.NewGuid(), true, Enrolled));

        Assert.Equal("Enrolled", ex.State);
        Assert.Null(donor.CurrentTypingId);
    }

    [Theory]
    [InlineData("2026-11-22", false)]
    [InlineData("2026-11-23", true)]
    [InlineData("2027-01-31", true)]
    public void Defer_WhenTheDateIsPastOrNot_RefusesOrDefers(string until, bool accepted)
    {
        var donor = AvailableDonor();
        var date = DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture);

        if (accepted)
        {
            donor.Defer(date, "travel", new DateOnly(2026, 11, 23), Enrolled);
            Assert.Equal(DonorStatus.TemporarilyDeferred, donor.Status);
            Assert.Equal(date, donor.DeferredUntil);
            Assert.False(donor.IsSearchable);
            donor.Reinstate(Enrolled);
            Assert.Equal(DonorStatus.Available, donor.Status);
            Assert.Null(donor.DeferredUntil);
        }
        else
        {
            Assert.Throws<ValidationFailedException>(() => donor.Defer(date, "travel", new DateOnly(2026, 11, 23), Enrolled));
            Assert.Equal(DonorStatus.Available, donor.Status);
        }
    }

    [Fact]
    public void SetAttributes_WhenGivenOnlyOne_KeepsTheOther()
    {
        var donor = AvailableDonor();
        donor.SetAttributes(AboGroup.AB, CmvStatus.Positive, Enrolled);

        donor.SetAttributes(null, CmvStatus.Negative, Enrolled);

        Assert.Equal(AboGroup.AB, donor.Abo);
        Assert.Equal(CmvStatus.Negative, donor.Cmv);
    }

    [Fact]
    public void SetAttributes_WhenWithdrawn_IsRefused()
    {
        var donor = AvailableDonor();
        donor.Withdraw("wish", Enrolled);

        Assert.Throws<IllegalTransitionException>(() => donor.SetAttributes(AboGroup.O, null, Enrolled));
    }
}
