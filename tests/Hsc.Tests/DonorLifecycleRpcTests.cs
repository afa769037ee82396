using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DonationRegistry.Hsc.Tests;

[Collection(HscFixture.Collection)]
public sealed class DonorLifecycleRpcTests(HscFixture fixture)
{
    private readonly DonorSteps _steps = new(fixture);

    private const string Typing = "A*01:01+A*02:01^B*08:01+B*44:02^DRB1*03:01+DRB1*04:01";

    [Fact]
    public async Task DeferAndReinstate_WhenAvailable_LeavesAndReturnsToThePoolWithEachChangeAudited()
    {
        var donor = await _steps.AvailableAsync(Typing);
        var client = await _steps.CoordinatorAsync();

        var deferred = await client.DeferDonorAsync(new DeferDonorRequest { Name = donor.Name, Until = "2099-12-31", Reason = "pregnancy" });
        Assert.Equal(DonorStatus.TemporarilyDeferred, deferred.Status);
        Assert.Equal("2099-12-31", deferred.DeferredUntil);
        Assert.False(deferred.Searchable);
        var reinstated = await client.ReinstateDonorAsync(new ReinstateDonorRequest { Name = donor.Name, Etag = deferred.Etag });

        Assert.Equal(DonorStatus.Available, reinstated.Status);
        Assert.True(reinstated.Searchable);
        var id = Guid.Parse(donor.Name["donors/".Length..]);
        var operations = await fixture.WithDbAsync(db => db.Audit.Where(a => a.SubjectId == id).OrderBy(a => a.Id).Select(a => a.Operation).ToListAsync());
        Assert.Equal(["HscVolunteerEnrolled", "RecordSample", "RecordTyping", "DeferDonor", "ReinstateDonor"], operations);
    }

    [Fact]
    public async Task ReinstateDonor_WhenTheEtagIsStale_IsAborted()
    {
        var donor = await _steps.AvailableAsync(Typing);
        var client = await _steps.CoordinatorAsync();
        await client.DeferDonorAsync(new DeferDonorRequest { Name = donor.Name, Until = "2099-12-31", Reason = "travel" });

        await RpcAssert.FailsAsync(StatusCode.Aborted, async () =>
            await client.ReinstateDonorAsync(new ReinstateDonorRequest { Name = donor.Name, Etag = donor.Etag }));
    }

    [Theory]
    [InlineData("withdraw")]
    [InlineData("permanentlyDefer")]
    public async Task FinalStates_WhenReached_RefuseEveryFurtherChange(string how)
    {
        var donor = await _steps.AvailableAsync(Typing);
        var client = await _steps.CoordinatorAsync();
        var final = how == "withdraw"
            ? await client.WithdrawDonorAsync(new WithdrawDonorRequest { Name = donor.Name, Reason = "wish" })
            : await client.PermanentlyDeferDonorAsync(new PermanentlyDeferDonorRequest { Name = donor.Name, Reason = "illness" });

        Assert.Empty(final.AllowedTriggers);
        await RpcAssert.IllegalAsync(final.Status == DonorStatus.Withdrawn ? "Withdrawn" : "PermanentlyDeferred", async () =>
            await client.DeferDonorAsync(new DeferDonorRequest { Name = donor.Name, Until = "2099-01-01", Reason = "x" }));
        await RpcAssert.IllegalAsync(final.Status.ToString() == "Withdrawn" ? "Withdrawn" : "PermanentlyDeferred", async () =>
            await client.RecordTypingAsync(new RecordTypingRequest { Name = donor.Name, GlString = Typing }));
    }

    [Fact]
    public async Task RecordTyping_WhenNoSampleIsRecorded_IsFailedPreconditionNamingEnrolled()
    {
        var id = await fixture.EnrolAsync();
        var client = await _steps.CoordinatorAsync();

        await RpcAssert.IllegalAsync("Enrolled", async () =>
            await client.RecordTypingAsync(new RecordTypingRequest { Name = $"donors/{id}", GlString = Typing }));
    }

    [Theory]
    [InlineData("", "until")]
    [InlineData("2020-01-01", "until")]
    [InlineData("31.12.2099", "until")]
    public async Task DeferDonor_WhenTheDateIsMissingPastOrMalformed_IsInvalid(string until, string field)
    {
        var donor = await _steps.AvailableAsync(Typing);
        var client = await _steps.CoordinatorAsync();

        await RpcAssert.InvalidAsync(field, null, async () =>
            await client.DeferDonorAsync(new DeferDonorRequest { Name = donor.Name, Until = until, Reason = "travel" }));
    }

    [Fact]
    public async Task RecordSample_WhenTheSampleIdIsTaken_IsAlreadyExists()
    {
        var (_, sampleId) = await _steps.SampledAsync();
        var other = await fixture.EnrolAsync();
        var client = await _steps.CoordinatorAsync();

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, async () =>
            await client.RecordSampleAsync(new RecordSampleRequest { Name = $"donors/{other}", SampleId = sampleId }));
    }

    [Fact]
    public async Task ListDonors_WhenFilteredAndPaged_ReturnsTheRegionsDonorsInOrderEachOnce()
    {
        var county = "330110";
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await fixture.EnrolAsync(county));
        }
        var client = await _steps.CoordinatorAsync();
        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await client.ListDonorsAsync(new ListDonorsRequest
            {
                RegionCode = county, Status = DonorStatus.Enrolled, Typed = "untyped", PageSize = 2, PageToken = token, Purpose = "test",
            });
            seen.AddRange(page.Donors.Select(d => d.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(ids.Select(i => $"donors/{i}").Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task GetDonor_WhenNoPurposeIsGiven_IsInvalidAndNotAudited()
    {
        var id = await fixture.EnrolAsync();
        var client = await _steps.CoordinatorAsync();
        var before = await fixture.WithDbAsync(db => db.Audit.CountAsync(a => a.SubjectId == id));

        await RpcAssert.InvalidAsync("purpose", null, async () => await client.GetDonorAsync(new GetDonorRequest { Name = $"donors/{id}" }));

        Assert.Equal(before, await fixture.WithDbAsync(db => db.Audit.CountAsync(a => a.SubjectId == id)));
    }

    [Fact]
    public async Task HscVolunteerEnrolled_WhenDeliveredTwice_CreatesOneDonor()
    {
        var id = await fixture.EnrolAsync();

        var handled = await fixture.ScalarAsync($"SELECT count(*) AS \"Value\" FROM inbox_messages");

        // The same volunteer announced again (a new message id): the consumer handles it and leaves the existing donor alone.
        await fixture.WithDbAsync(async db =>
        {
            Messaging.DbContextExtensions.AddIntegrationEvent(db,
                new Contracts.HscVolunteerEnrolled(id, Guid.NewGuid(), "330106", 1960, "Female", DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        Assert.True(await Eventually.HoldsAsync(async () =>
            await fixture.ScalarAsync($"SELECT count(*) AS \"Value\" FROM inbox_messages") > handled));

        var donor = await fixture.WithDbAsync(db => db.Donors.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal(1995, donor.BirthYear);
    }
}
