using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using DonationRegistry.Hsc.Domain.Requests;
using Xunit;
using static DonationRegistry.Hsc.Domain.Tests.Requests.RequestBuilder;

namespace DonationRegistry.Hsc.Domain.Tests.Requests;

/// <summary>The aggregate's rules beyond the transition table: attempts, the attempt limit, thresholds, required data, Finish.</summary>
public sealed class DonorRequestTests
{
    [Theory]
    [InlineData("", "330200", "transplant_centre")]
    [InlineData("浙大一院", "330000", "city_region")]
    [InlineData("浙大一院", "330106", "city_region")]
    [InlineData("浙大一院", "320100", "city_region")]
    [InlineData("浙大一院", "33020", "city_region")]
    public void Constructor_WhenAFieldIsBad_IsRefusedNamingTheField(string centre, string city, string field)
    {
        var ex = Assert.Throws<ValidationFailedException>(() =>
            new DonorRequest(Guid.NewGuid(), Guid.NewGuid(), "330106", Guid.NewGuid(), "TC-1", centre, city, Coordinator, At));

        Assert.Contains(ex.Violations, v => v.Field == field);
    }

    [Fact]
    public void Constructor_WhenValid_IsOpenUnselectedAndHoldsTheDonor()
    {
        var request = Open();

        Assert.Equal(DonorRequestStatus.Open, request.Status);
        Assert.Equal(DonorSelection.None, request.Selection);
        Assert.True(request.HoldsDonor);
        Assert.Equal("u-hsc", request.OpenedBy);
    }

    [Theory]
    [InlineData(ReContactOutcome.Willing, DonorRequestStatus.Willing)]
    [InlineData(ReContactOutcome.Declined, DonorRequestStatus.Declined)]
    [InlineData(ReContactOutcome.Unreachable, DonorRequestStatus.Open)]
    [InlineData(ReContactOutcome.TemporarilyUnavailable, DonorRequestStatus.Open)]
    public void RecordReContact_WhenOpen_LogsTheAttemptAndMovesByOutcome(ReContactOutcome outcome, DonorRequestStatus expected)
    {
        var request = Open();

        request.RecordReContact(Attempt(outcome, ContactChannel.Visit), maxUndecidedAttempts: 5);

        Assert.Equal(expected, request.Status);
        var attempt = Assert.Single(request.Attempts);
        Assert.Equal(outcome, attempt.Outcome);
        Assert.Equal(ContactChannel.Visit, attempt.Channel);
        Assert.Equal("u-local", attempt.ByUserId);
        Assert.Equal("local_officer", attempt.ByRole);
    }

    [Theory]
    [InlineData(3, 2, DonorRequestStatus.Open)]
    [InlineData(3, 3, DonorRequestStatus.ContactFailed)]
    [InlineData(1, 1, DonorRequestStatus.ContactFailed)]
    public void RecordReContact_WhenUndecidedAttemptsReachTheLimit_EndsAsContactFailedAndNotBefore(int limit, int attempts,
        DonorRequestStatus expected)
    {
        var request = Open();

        for (var i = 0; i < attempts; i++)
        {
            request.RecordReContact(Attempt(i % 2 == 0 ? ReContactOutcome.Unreachable : ReContactOutcome.TemporarilyUnavailable), limit);
        }

        Assert.Equal(expected, request.Status);
        Assert.Equal(attempts, request.Attempts.Count);
        Assert.Equal(expected == DonorRequestStatus.ContactFailed, !request.HoldsDonor);
    }

    [Theory]
    [InlineData(DonorRequestStatus.Willing)]
    [InlineData(DonorRequestStatus.SampleReceived)]
    [InlineData(DonorRequestStatus.Selected)]
    public void RecordReContact_WhenTheDonorDeclinesLater_EndsAsDeclined(DonorRequestStatus state)
    {
        var request = In(state);

        request.RecordReContact(Attempt(ReContactOutcome.Declined), 5);

        Assert.Equal(DonorRequestStatus.Declined, request.Status);
        Assert.Equal("donor-declined", request.StatusReason);
        Assert.False(request.HoldsDonor);
    }

    [Theory]
    [InlineData(ReContactOutcome.Willing)]
    [InlineData(ReContactOutcome.Unreachable)]
    public void RecordReContact_WhenAlreadyWillingAndNotADecline_IsRefusedAndNotLogged(ReContactOutcome outcome)
    {
        var request = In(DonorRequestStatus.Willing);

        var ex = Assert.Throws<IllegalTransitionException>(() => request.RecordReContact(Attempt(outcome), 5));

        Assert.Equal("Willing", ex.State);
        Assert.Single(request.Attempts);
    }

    [Fact]
    public void RecordReContact_WhenInCollection_IsRefused()
    {
        var request = In(DonorRequestStatus.InCollection);

        Assert.Throws<IllegalTransitionException>(() => request.RecordReContact(Attempt(ReContactOutcome.Declined), 5));
        Assert.Equal(DonorRequestStatus.InCollection, request.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ReceiveSample_WhenTheSampleIdIsMissing_IsRefusedAndTheStateKept(string sampleId)
    {
        var request = In(DonorRequestStatus.SampleRequested);

        var ex = Assert.Throws<ValidationFailedException>(() => request.ReceiveSample(sampleId, At));

        Assert.Equal("sample_id", ex.Violations[0].Field);
        Assert.Equal(DonorRequestStatus.SampleRequested, request.Status);
    }

    [Theory]
    [InlineData(10, 10, DonorRequestStatus.Passed)]
    [InlineData(9, 10, DonorRequestStatus.Failed)]
    [InlineData(9, 9, DonorRequestStatus.Passed)]
    [InlineData(8, 8, DonorRequestStatus.Passed)]
    [InlineData(7, 8, DonorRequestStatus.Failed)]
    [InlineData(10, 8, DonorRequestStatus.Passed)]
    public void RecordConfirmatoryResult_WhenComparedAgainstTheThreshold_PassesOrFails(int matches, int minimum, DonorRequestStatus expected)
    {
        var request = In(DonorRequestStatus.SampleReceived);
        var typingId = Guid.NewGuid();

        request.RecordConfirmatoryResult(typingId, Comparison(matches, minimum), At);

        Assert.Equal(expected, request.Status);
        Assert.Equal(typingId, request.ConfirmatoryTypingId);
        Assert.Equal(matches, request.Comparison!.TotalMatches);
        Assert.Equal(expected == DonorRequestStatus.Passed, request.HoldsDonor);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(11)]
    public void RecordConfirmatoryResult_WhenTheThresholdIsOutsideTheRules_IsRefused(int minimum)
    {
        var request = In(DonorRequestStatus.SampleReceived);

        Assert.Throws<ArgumentOutOfRangeException>(() => request.RecordConfirmatoryResult(Guid.NewGuid(), Comparison(10, minimum), At));
        Assert.Equal(DonorRequestStatus.SampleReceived, request.Status);
    }

    [Fact]
    public void RecordConfirmatoryResult_WhenNoSampleWasReceived_IsRefusedNamingTheState()
    {
        var request = In(DonorRequestStatus.SampleRequested);

        var ex = Assert.Throws<IllegalTransitionException>(() => request.RecordConfirmatoryResult(Guid.NewGuid(), Comparison(10), At));

        Assert.Equal("SampleRequested", ex.State);
        Assert.Contains("ReceiveSample", ex.AllowedTriggers);
    }

    [Theory]
    [InlineData(DonorSelection.Primary)]
    [InlineData(DonorSelection.Backup)]
    public void Select_WhenPassed_RecordsTheRoleAndMaySwitchIt(DonorSelection selection)
    {
        var request = In(DonorRequestStatus.Passed);

        request.Select(selection, At);
        Assert.Equal(selection, request.Selection);
        var other = selection == DonorSelection.Primary ? DonorSelection.Backup : DonorSelection.Primary;
        request.Select(other, At);

        Assert.Equal(DonorRequestStatus.Selected, request.Status);
        Assert.Equal(other, request.Selection);
    }

    [Fact]
    public void Select_WhenNoRoleIsGiven_IsRefusedNamingTheField()
    {
        var request = In(DonorRequestStatus.Passed);

        var ex = Assert.Throws<ValidationFailedException>(() => request.Select(DonorSelection.None, At));

        Assert.Equal("selection", ex.Violations[0].Field);
        Assert.Equal(DonorRequestStatus.Passed, request.Status);
    }

    [Fact]
    public void StartCollection_WhenSelected_MovesInCollectionWithTheCase()
    {
        var request = In(DonorRequestStatus.Selected);
        var caseId = Guid.NewGuid();

        request.StartCollection(caseId, At);

        Assert.Equal(DonorRequestStatus.InCollection, request.Status);
        Assert.Equal(caseId, request.CollectionCaseId);
        Assert.True(request.HoldsDonor);
    }

    [Fact]
    public void StartCollection_WhenTheCaseIsEmpty_IsRefused()
    {
        var request = In(DonorRequestStatus.Selected);

        Assert.Throws<ValidationFailedException>(() => request.StartCollection(Guid.Empty, At));
        Assert.Equal(DonorRequestStatus.Selected, request.Status);
    }

    [Theory]
    [InlineData(true, "", DonorRequestStatus.Completed)]
    [InlineData(false, "donor-withdrew", DonorRequestStatus.Cancelled)]
    public void Finish_WhenInCollection_CompletesOrCancels(bool donated, string reason, DonorRequestStatus expected)
    {
        var request = In(DonorRequestStatus.InCollection);

        request.Finish(donated, reason, At);

        Assert.Equal(expected, request.Status);
        Assert.False(request.HoldsDonor);
        Assert.Equal(At, request.ClosedAt);
    }

    [Fact]
    public void Finish_WhenNotDonatedAndNoReason_IsRefusedNamingTheReason()
    {
        var request = In(DonorRequestStatus.InCollection);

        var ex = Assert.Throws<ValidationFailedException>(() => request.Finish(false, " ", At));

        Assert.Equal("reason", ex.Violations[0].Field);
        Assert.Equal(DonorRequestStatus.InCollection, request.Status);
    }

    [Theory]
    [InlineData(DonorRequestStatus.Selected)]
    [InlineData(DonorRequestStatus.Open)]
    [InlineData(DonorRequestStatus.Completed)]
    public void Finish_WhenNotInCollection_IsRefusedNamingTheState(DonorRequestStatus state)
    {
        var request = In(state);

        var ex = Assert.Throws<IllegalTransitionException>(() => request.Finish(false, "x", At));

        Assert.Equal(state.ToString(), ex.State);
        Assert.Equal(state, request.Status);
    }

    [Theory]
    [InlineData(DonorRequestStatus.Open)]
    [InlineData(DonorRequestStatus.Passed)]
    [InlineData(DonorRequestStatus.InCollection)]
    public void Cancel_WhenActive_EndsTheRequestWithTheReason(DonorRequestStatus state)
    {
        var request = In(state);

        request.Cancel("transplant-centre-cancelled", At);

        Assert.Equal(DonorRequestStatus.Cancelled, request.Status);
        Assert.Equal("transplant-centre-cancelled", request.StatusReason);
    }

    [Fact]
    public void Cancel_WhenNoReason_IsRefusedAndTheRequestStaysActive()
    {
        var request = Open();

        var ex = Assert.Throws<ValidationFailedException>(() => request.Cancel("", At));

        Assert.Equal("reason", ex.Violations[0].Field);
        Assert.True(request.HoldsDonor);
    }

    [Theory]
    [InlineData(DonorRequestStatus.Failed)]
    [InlineData(DonorRequestStatus.Declined)]
    [InlineData(DonorRequestStatus.ContactFailed)]
    [InlineData(DonorRequestStatus.Completed)]
    public void Cancel_WhenFinal_IsRefusedNamingTheState(DonorRequestStatus state)
    {
        var request = In(state);

        var ex = Assert.Throws<IllegalTransitionException>(() => request.Cancel("x", At));

        Assert.Equal(state.ToString(), ex.State);
        Assert.Empty(ex.AllowedTriggers);
    }

    [Fact]
    public void AllowedTriggers_WhenSampleReceived_AreTheComparisonOutcomesDeclineAndCancel()
    {
        var request = In(DonorRequestStatus.SampleReceived);

        Assert.Equal(
            new[] { DonorRequestTrigger.Decline, DonorRequestTrigger.PassConfirmatory, DonorRequestTrigger.FailConfirmatory, DonorRequestTrigger.Cancel }.Order(),
            request.AllowedTriggers.Order());
    }

    [Fact]
    public void Actor_WhenUsedToOpen_IsRecordedAsOpener()
    {
        var request = new DonorRequest(Guid.NewGuid(), Guid.NewGuid(), "330106", Guid.NewGuid(), "TC-1", "中心", "330100",
            new Actor("someone", "hsc_coordinator", "RC-330100", "330100"), At);

        Assert.Equal("someone", request.OpenedBy);
        Assert.Equal("330100", request.CityRegion);
    }
}
