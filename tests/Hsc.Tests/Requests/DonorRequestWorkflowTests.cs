using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DonationRegistry.Hsc.Tests.Requests;

/// <summary>
/// From a search result to a selected donor through gRPC on the real database and broker, with real tokens: the Ningbo coordinator
/// opens and drives, the Yuhang-style local officer of the donor's county re-contacts, the donor is Reserved while a request holds it.
/// </summary>
[Collection(HscFixture.Collection)]
public sealed class DonorRequestWorkflowTests(HscFixture fixture)
{
    private readonly RequestSteps _steps = new(fixture);

    [Fact]
    public async Task Workflow_WhenTenOfTenByGlString_IsSelectedWithTheDonorReservedAndDonorReservedOnTheBroker()
    {
        await using var tap = await BrokerTap.StartAsync(fixture.BrokerConnectionString, "DonorReserved", "DonorReleased");
        var donor = await _steps.DonorAsync();
        var donorId = Guid.Parse(donor.Name["donors/".Length..]);
        var search = await _steps.SearchAsync();
        var coordinator = await _steps.CoordinatorAsync();
        var local = await _steps.LocalOfficerAsync();

        var opened = await _steps.OpenAsync(donor, search);
        Assert.Equal(DonorRequestStatus.RequestOpen, opened.Status);
        Assert.Equal(search.PatientReference, opened.PatientReference);
        Assert.Equal(RequestSteps.City, opened.CityRegion);
        Assert.Equal(RequestSteps.DonorCounty, opened.DonorRegion);
        Assert.Equal(DonorStatus.Reserved, (await _steps.DonorNowAsync(donor)).Status);

        var unreachable = await local.RecordReContactAttemptAsync(new RecordReContactAttemptRequest
        {
            Name = opened.Name, Channel = ContactChannel.ChannelPhone, Outcome = ReContactOutcome.DonorUnreachable, Etag = opened.Etag,
        });
        Assert.Equal(DonorRequestStatus.RequestOpen, unreachable.Status);
        var willing = await local.RecordReContactAttemptAsync(new RecordReContactAttemptRequest
        {
            Name = opened.Name, Channel = ContactChannel.ChannelVisit, Outcome = ReContactOutcome.DonorWilling, Etag = unreachable.Etag,
        });
        Assert.Equal(DonorRequestStatus.RequestWilling, willing.Status);
        Assert.Equal([ReContactOutcome.DonorUnreachable, ReContactOutcome.DonorWilling], willing.Attempts.Select(a => a.Outcome));
        Assert.All(willing.Attempts, a => Assert.Equal(Common.Roles.LocalRedCrossOfficer, a.RecorderRole));

        await coordinator.RecordConfirmatorySampleAsync(new RecordConfirmatorySampleRequest
        {
            Name = opened.Name, Stage = ConfirmatorySampleStage.ConfirmatorySampleRequested,
        });
        await coordinator.RecordConfirmatorySampleAsync(new RecordConfirmatorySampleRequest
        {
            Name = opened.Name, Stage = ConfirmatorySampleStage.ConfirmatorySampleReceived, SampleId = "CT-2026-0001",
        });
        var typed = await coordinator.RecordConfirmatoryTypingAsync(new RecordConfirmatoryTypingRequest
        {
            Name = opened.Name, GlString = RequestSteps.Patient, Method = TypingMethod.Ngs, LaboratoryRelease = "3.58.0",
        });
        Assert.Equal(DonorRequestStatus.ConfirmatoryPassed, typed.Status);
        Assert.Equal(10, typed.Comparison.TotalMatches);
        Assert.True(typed.Comparison.Passed);
        Assert.Equal(["A", "B", "C", "DRB1", "DQB1"], typed.Comparison.Loci.Select(l => l.Locus));
        Assert.All(typed.Comparison.Loci, l => Assert.Equal(2, l.MatchCount));

        var selected = await coordinator.SelectDonorAsync(new SelectDonorRequest
        {
            Name = opened.Name, Selection = DonorSelection.PrimaryDonor, Etag = typed.Etag,
        });
        Assert.Equal(DonorRequestStatus.RequestSelected, selected.Status);
        Assert.Equal(DonorSelection.PrimaryDonor, selected.Selection);
        Assert.Contains("StartCollection", selected.AllowedTriggers);

        var now = await _steps.DonorNowAsync(donor);
        Assert.Equal(DonorStatus.Reserved, now.Status);
        Assert.False(now.Searchable);
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(tap.Received("DonorReserved", donorId).Count == 1)),
            "DonorReserved did not arrive on the broker.");
        var body = tap.Received("DonorReserved", donorId)[0];
        Assert.Contains(opened.Name["donorRequests/".Length..], body, StringComparison.Ordinal);
        Assert.DoesNotContain(search.PatientReference, body, StringComparison.Ordinal);
        Assert.DoesNotContain("浙江大学", body, StringComparison.Ordinal);
        Assert.DoesNotContain("CT-2026-0001", body, StringComparison.Ordinal);
        Assert.Empty(tap.Received("DonorReleased", donorId));

        // Every step is on record: the request's changes and the reads of it.
        var requestId = Guid.Parse(opened.Name["donorRequests/".Length..]);
        var operations = await fixture.WithDbAsync(db => db.Audit.Where(a => a.SubjectId == requestId).OrderBy(a => a.Id)
            .Select(a => a.Operation).ToListAsync());
        Assert.Equal(["OpenDonorRequest", "RecordReContactAttempt", "RecordReContactAttempt", "RecordConfirmatorySample",
            "RecordConfirmatorySample", "RecordConfirmatoryTyping", "SelectDonor"], operations);
    }

    [Fact]
    public async Task RecordConfirmatoryTyping_WhenUploadedAsHml_IsStoredAsTheDonorsCurrentTypingAndPasses()
    {
        var donor = await _steps.DonorAsync();
        var sampleId = RequestSteps.NewSampleId();
        var request = await _steps.SampleReceivedAsync(donor, sampleId);
        var coordinator = await _steps.CoordinatorAsync();
        var hml = DonorSteps.Hml((sampleId, RequestSteps.Loci(RequestSteps.Patient)));

        var typed = await coordinator.RecordConfirmatoryTypingAsync(new RecordConfirmatoryTypingRequest
        {
            Name = request.Name, Hml = ByteString.CopyFromUtf8(hml),
        });

        Assert.Equal(DonorRequestStatus.ConfirmatoryPassed, typed.Status);
        Assert.Equal(10, typed.Comparison.TotalMatches);
        var pool = await _steps.Donors.CoordinatorAsync("330100");
        var history = await pool.GetDonorTypingHistoryAsync(new GetDonorTypingHistoryRequest { Name = donor.Name, Purpose = "test" });
        var current = history.Typings.Single(t => t.Current);
        Assert.Equal(TypingSource.Hml, current.Source);
        Assert.Equal(TypingMethod.Ngs, current.Method);
        Assert.Equal("3.58.0", current.LaboratoryRelease);
        Assert.Equal(typed.ConfirmatoryTyping, current.Name);
        Assert.Equal(2, history.Typings.Count);
    }

    [Fact]
    public async Task RecordConfirmatoryTyping_WhenSevenOfTen_FailsAndReleasesTheDonor()
    {
        await using var tap = await BrokerTap.StartAsync(fixture.BrokerConnectionString, "DonorReleased");
        var donor = await _steps.DonorAsync(RequestSteps.SevenOfTen);
        var donorId = Guid.Parse(donor.Name["donors/".Length..]);
        var request = await _steps.SampleReceivedAsync(donor, RequestSteps.NewSampleId());
        var coordinator = await _steps.CoordinatorAsync();

        var typed = await coordinator.RecordConfirmatoryTypingAsync(new RecordConfirmatoryTypingRequest
        {
            Name = request.Name, GlString = RequestSteps.SevenOfTen, Method = TypingMethod.Sbt,
        });

        Assert.Equal(DonorRequestStatus.ConfirmatoryFailed, typed.Status);
        Assert.Equal(7, typed.Comparison.TotalMatches);
        Assert.False(typed.Comparison.Passed);
        Assert.Equal(8, typed.Comparison.MinimumMatches);
        Assert.Equal([1, 1, 2, 1, 2], typed.Comparison.Loci.Select(l => l.MatchCount));
        Assert.Equal(DonorStatus.Available, (await _steps.DonorNowAsync(donor)).Status);
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(tap.Received("DonorReleased", donorId).Count == 1)),
            "DonorReleased did not arrive on the broker.");
    }

    [Fact]
    public async Task CancelDonorRequest_WhenTwoRequestsHoldTheDonor_ReleasesOnlyWhenTheLastEnds()
    {
        var donor = await _steps.DonorAsync();
        // Both patients' searches ran while the donor was still Available (a Reserved donor is in no new search).
        var (search1, search2) = (await _steps.SearchAsync(), await _steps.SearchAsync());
        var first = await _steps.PassedAsync(donor, search1);
        var second = await _steps.OpenAsync(donor, search2);
        var coordinator = await _steps.CoordinatorAsync();
        Assert.Equal(1, await ReservedEventsAsync(donor));

        var cancelled = await coordinator.CancelDonorRequestAsync(new CancelDonorRequestRequest
        {
            Name = first.Name, Reason = "patient-condition", Etag = first.Etag,
        });
        Assert.Equal(DonorRequestStatus.RequestCancelled, cancelled.Status);
        Assert.Equal("patient-condition", cancelled.StatusReason);
        Assert.Equal(DonorStatus.Reserved, (await _steps.DonorNowAsync(donor)).Status);

        await coordinator.CancelDonorRequestAsync(new CancelDonorRequestRequest { Name = second.Name, Reason = "transplant-centre-cancelled" });

        var now = await _steps.DonorNowAsync(donor);
        Assert.Equal(DonorStatus.Available, now.Status);
        Assert.True(now.Searchable);
        Assert.Equal(1, await ReleasedEventsAsync(donor));
    }

    [Fact]
    public async Task OpenDonorRequest_WhenTheSamePatientAlreadyHoldsTheDonor_IsAlreadyExists()
    {
        var donor = await _steps.DonorAsync();
        var search = await _steps.SearchAsync();
        await _steps.OpenAsync(donor, search);

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => _steps.OpenAsync(donor, search));
    }

    [Fact]
    public async Task OpenDonorRequest_WhenRetriedWithTheSameRequestId_ReturnsTheFirstRequest()
    {
        var donor = await _steps.DonorAsync();
        var search = await _steps.SearchAsync();
        var coordinator = await _steps.CoordinatorAsync();
        var open = new OpenDonorRequestRequest
        {
            Search = search.Name, Donor = donor.Name, TransplantCentre = "宁波市第一医院", RequestId = Guid.NewGuid().ToString(),
        };

        var first = await coordinator.OpenDonorRequestAsync(open);
        var again = await coordinator.OpenDonorRequestAsync(open);

        Assert.Equal(first.Name, again.Name);
        Assert.Equal(open.RequestId, first.Name["donorRequests/".Length..]);
    }

    [Theory]
    [InlineData(ReContactOutcome.DonorDeclined, 1, DonorRequestStatus.RequestDeclined)]
    [InlineData(ReContactOutcome.DonorUnreachable, 5, DonorRequestStatus.ContactFailed)]
    [InlineData(ReContactOutcome.DonorTemporarilyUnavailable, 4, DonorRequestStatus.RequestOpen)]
    public async Task RecordReContactAttempt_WhenTheDonorDeclinesOrCannotBeReached_EndsOrStaysOpenAsConfigured(ReContactOutcome outcome,
        int attempts, DonorRequestStatus expected)
    {
        var donor = await _steps.DonorAsync();
        var request = await _steps.OpenAsync(donor);
        var local = await _steps.LocalOfficerAsync();

        for (var i = 0; i < attempts; i++)
        {
            request = await local.RecordReContactAttemptAsync(new RecordReContactAttemptRequest
            {
                Name = request.Name, Channel = ContactChannel.ChannelTextMessage, Outcome = outcome,
            });
        }

        Assert.Equal(expected, request.Status);
        Assert.Equal(attempts, request.Attempts.Count);
        Assert.Equal(expected == DonorRequestStatus.RequestOpen ? DonorStatus.Reserved : DonorStatus.Available,
            (await _steps.DonorNowAsync(donor)).Status);
    }

    [Fact]
    public async Task RecordReContactAttempt_WhenTheDonorDeclinesAfterSelection_EndsAsDeclinedAndReleases()
    {
        var donor = await _steps.DonorAsync();
        var passed = await _steps.PassedAsync(donor);
        var coordinator = await _steps.CoordinatorAsync();
        await coordinator.SelectDonorAsync(new SelectDonorRequest { Name = passed.Name, Selection = DonorSelection.BackupDonor });
        var local = await _steps.LocalOfficerAsync();

        var declined = await local.RecordReContactAttemptAsync(new RecordReContactAttemptRequest
        {
            Name = passed.Name, Channel = ContactChannel.ChannelPhone, Outcome = ReContactOutcome.DonorDeclined,
        });

        Assert.Equal(DonorRequestStatus.RequestDeclined, declined.Status);
        Assert.Equal(DonorStatus.Available, (await _steps.DonorNowAsync(donor)).Status);
    }

    [Fact]
    public async Task SelectDonor_WhenTheRequestIsStillOpen_IsFailedPreconditionNamingTheStateAndAllowedTriggers()
    {
        var donor = await _steps.DonorAsync();
        var request = await _steps.OpenAsync(donor);
        var coordinator = await _steps.CoordinatorAsync();

        var ex = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, async () =>
            await coordinator.SelectDonorAsync(new SelectDonorRequest { Name = request.Name, Selection = DonorSelection.PrimaryDonor }));

        Assert.Contains("Cannot Select while in state Open. Allowed now: ", ex.Status.Detail, StringComparison.Ordinal);
        var allowed = ex.Status.Detail[(ex.Status.Detail.IndexOf("Allowed now: ", StringComparison.Ordinal) + "Allowed now: ".Length)..];
        Assert.Contains("ConfirmWilling", allowed, StringComparison.Ordinal);
        Assert.Contains("Cancel", allowed, StringComparison.Ordinal);
        Assert.DoesNotContain("Select", allowed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelectDonor_WhenTwoCoordinatorsChangeTheSameVersionAtOnce_OneSucceedsAndOneIsAborted()
    {
        var donor = await _steps.DonorAsync();
        var passed = await _steps.PassedAsync(donor);
        var first = await _steps.CoordinatorAsync();
        var second = fixture.Client<DonorRequests.DonorRequestsClient>(
            await fixture.TokenForRoleAsync(Common.Roles.HscCoordinator, "RC-330200", RequestSteps.City, "city"));

        var results = await Task.WhenAll(
            StatusOf(() => first.SelectDonorAsync(new SelectDonorRequest { Name = passed.Name, Selection = DonorSelection.PrimaryDonor, Etag = passed.Etag }).ResponseAsync),
            StatusOf(() => second.CancelDonorRequestAsync(new CancelDonorRequestRequest { Name = passed.Name, Reason = "race", Etag = passed.Etag }).ResponseAsync));

        Assert.Equal([StatusCode.OK, StatusCode.Aborted], results.Order());
    }

    [Fact]
    public async Task CancelDonorRequest_WhenTheEtagIsStale_IsAbortedAndChangesNothing()
    {
        var donor = await _steps.DonorAsync();
        var opened = await _steps.OpenAsync(donor);
        var local = await _steps.LocalOfficerAsync();
        await local.RecordReContactAttemptAsync(new RecordReContactAttemptRequest
        {
            Name = opened.Name, Channel = ContactChannel.ChannelPhone, Outcome = ReContactOutcome.DonorUnreachable,
        });
        var coordinator = await _steps.CoordinatorAsync();

        await RpcAssert.FailsAsync(StatusCode.Aborted, async () => await coordinator.CancelDonorRequestAsync(
            new CancelDonorRequestRequest { Name = opened.Name, Reason = "late", Etag = opened.Etag }));

        var now = await coordinator.GetDonorRequestAsync(new GetDonorRequestRequest { Name = opened.Name, Purpose = "test" });
        Assert.Equal(DonorRequestStatus.RequestOpen, now.Status);
    }

    [Fact]
    public async Task ListDonorRequests_WhenFilteredByDonorAndStatus_ReturnsOnlyThoseAndPages()
    {
        var donor = await _steps.DonorAsync();
        var (search1, search2) = (await _steps.SearchAsync(), await _steps.SearchAsync());
        var first = await _steps.OpenAsync(donor, search1);
        var second = await _steps.OpenAsync(donor, search2);
        var coordinator = await _steps.CoordinatorAsync();
        await coordinator.CancelDonorRequestAsync(new CancelDonorRequestRequest { Name = first.Name, Reason = "duplicate" });

        var page1 = await coordinator.ListDonorRequestsAsync(new ListDonorRequestsRequest { Donor = donor.Name, PageSize = 1, Purpose = "test" });
        var page2 = await coordinator.ListDonorRequestsAsync(new ListDonorRequestsRequest
        {
            Donor = donor.Name, PageSize = 1, PageToken = page1.NextPageToken, Purpose = "test",
        });
        var open = await coordinator.ListDonorRequestsAsync(new ListDonorRequestsRequest
        {
            Donor = donor.Name, Status = DonorRequestStatus.RequestOpen, Purpose = "test",
        });

        Assert.Equal([second.Name, first.Name], page1.DonorRequests.Concat(page2.DonorRequests).Select(r => r.Name));
        Assert.Equal("", page2.NextPageToken);
        Assert.Equal(second.Name, Assert.Single(open.DonorRequests).Name);
    }

    [Fact]
    public async Task GetDonorRequest_WhenRead_IsAuditedWithThePurpose()
    {
        var donor = await _steps.DonorAsync();
        var opened = await _steps.OpenAsync(donor);
        var local = await _steps.LocalOfficerAsync();
        var donorId = Guid.Parse(donor.Name["donors/".Length..]);

        await local.GetDonorRequestAsync(new GetDonorRequestRequest { Name = opened.Name, Purpose = "再动员前核对" });

        var reads = await fixture.WithDbAsync(db => db.Audit.Where(a => a.SubjectId == donorId && a.Operation == "GetDonorRequest")
            .Select(a => new { a.Purpose, a.ActorRole }).ToListAsync());
        var read = Assert.Single(reads);
        Assert.Equal("再动员前核对", read.Purpose);
        Assert.Equal(Common.Roles.LocalRedCrossOfficer, read.ActorRole);
    }

    private Task<int> ReservedEventsAsync(Donor donor) => OutboxCountAsync(donor, "DonorReserved");

    private Task<int> ReleasedEventsAsync(Donor donor) => OutboxCountAsync(donor, "DonorReleased");

    private async Task<int> OutboxCountAsync(Donor donor, string type)
    {
        var id = donor.Name["donors/".Length..];
        return (int)await fixture.ScalarAsync(
            $"SELECT count(*) AS \"Value\" FROM outbox_messages WHERE message_type LIKE {"%." + type + ",%"} AND body::text LIKE {"%" + id + "%"}");
    }

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }
}
