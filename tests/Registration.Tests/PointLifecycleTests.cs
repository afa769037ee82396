extern alias registration;

using DonationRegistry.Common;
using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Xunit;
using AuditEntry = DonationRegistry.Common.Auditing.AuditEntry;

namespace DonationRegistry.Registration.Tests;

/// <summary>Registration points through the API: create, lifecycle, update with etag, staff, listing within scope.</summary>
[Collection(RegistrationFixture.Collection)]
public sealed class PointLifecycleTests(RegistrationFixture fixture)
{
    private async Task<RegistrationPoints.RegistrationPointsClient> OfficerAsync(string region = "330000") =>
        fixture.Client<RegistrationPoints.RegistrationPointsClient>(await fixture.OfficerTokenAsync(region));

    private static Task<RegistrationPoint> TransitionAsync(RegistrationPoints.RegistrationPointsClient client, RegistrationPoint point,
        PointTrigger trigger, string reason = "") =>
        client.TransitionRegistrationPointAsync(new TransitionRegistrationPointRequest
        {
            Name = point.Name, Trigger = trigger, Reason = reason, Etag = point.Etag,
        }).ResponseAsync;

    [Fact]
    public async Task CreateRegistrationPoint_WhenValid_IsProposedWithRegionalCode()
    {
        var officer = await OfficerAsync("330100");

        var point = await officer.CreateRegistrationPointAsync(new CreateRegistrationPointRequest
        {
            RequestId = Guid.NewGuid().ToString(), Point = RegistrationFixture.NewPoint("330106"),
        });

        Assert.Equal(PointStatus.Proposed, point.Status);
        Assert.Matches(@"^RP-330106-\d{4}$", point.Code);
        Assert.StartsWith("registrationPoints/", point.Name, StringComparison.Ordinal);
        Assert.NotEmpty(point.Etag);
    }

    [Fact]
    public async Task CreateRegistrationPoint_WhenSameRequestIdTwice_ReturnsTheFirstPoint()
    {
        var officer = await OfficerAsync();
        var request = new CreateRegistrationPointRequest { RequestId = Guid.NewGuid().ToString(), Point = RegistrationFixture.NewPoint("330212") };

        var first = await officer.CreateRegistrationPointAsync(request);
        var second = await officer.CreateRegistrationPointAsync(request);

        Assert.Equal(first.Name, second.Name);
        Assert.Equal(first.Code, second.Code);
    }

    [Fact]
    public async Task CreateRegistrationPoint_WhenTwoInOneRegion_CodesAreConsecutive()
    {
        var officer = await OfficerAsync();
        var region = "3311" + Random.Shared.Next(21, 30).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var a = await officer.CreateRegistrationPointAsync(new CreateRegistrationPointRequest { RequestId = Guid.NewGuid().ToString(), Point = RegistrationFixture.NewPoint(region) });
        var b = await officer.CreateRegistrationPointAsync(new CreateRegistrationPointRequest { RequestId = Guid.NewGuid().ToString(), Point = RegistrationFixture.NewPoint(region) });

        Assert.Equal(int.Parse(a.Code[^4..], System.Globalization.CultureInfo.InvariantCulture) + 1,
            int.Parse(b.Code[^4..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task CreateRegistrationPoint_WhenRegionOutsideZhejiang_ReturnsInvalidArgument()
    {
        var officer = await OfficerAsync();
        var before = await fixture.CountAsync<registration::DonationRegistry.Registration.Domain.Points.RegistrationPoint>();

        await RpcAssert.InvalidAsync("point.region_code", () => officer.CreateRegistrationPointAsync(new CreateRegistrationPointRequest
        {
            RequestId = Guid.NewGuid().ToString(), Point = RegistrationFixture.NewPoint("110105"),
        }).ResponseAsync);

        Assert.Equal(before, await fixture.CountAsync<registration::DonationRegistry.Registration.Domain.Points.RegistrationPoint>());
    }

    [Fact]
    public async Task CreateRegistrationPoint_WhenEverythingMissing_ReportsEveryField()
    {
        var officer = await OfficerAsync();

        var fields = await RpcAssert.InvalidAsync("point.display_name", () => officer.CreateRegistrationPointAsync(
            new CreateRegistrationPointRequest { RequestId = Guid.NewGuid().ToString(), Point = new RegistrationPoint() }).ResponseAsync);

        Assert.Contains("point.kind", fields);
        Assert.Contains("point.region_code", fields);
        Assert.Contains("point.services", fields);
        Assert.Contains("point.contact_phone", fields);
    }

    [Fact]
    public async Task TransitionRegistrationPoint_WhenWholeLifecycle_RecordsEveryStepWithWhoAndWhy()
    {
        var officer = await OfficerAsync();
        var point = await officer.CreateRegistrationPointAsync(new CreateRegistrationPointRequest
        {
            RequestId = Guid.NewGuid().ToString(), Point = RegistrationFixture.NewPoint("330106"),
        });

        point = await TransitionAsync(officer, point, PointTrigger.Authorise);
        Assert.Equal(PointStatus.Authorised, point.Status);
        Assert.Equal("RC-330000", point.AuthorisedBy);
        Assert.NotNull(point.AuthorisedAt);
        point = await TransitionAsync(officer, point, PointTrigger.Activate);
        Assert.Equal(PointStatus.Active, point.Status);
        point = await TransitionAsync(officer, point, PointTrigger.Suspend, "staff on leave");
        Assert.Equal(PointStatus.Suspended, point.Status);
        point = await TransitionAsync(officer, point, PointTrigger.Resume);
        Assert.Equal(PointStatus.Active, point.Status);
        point = await TransitionAsync(officer, point, PointTrigger.Close, "centre moved");
        Assert.Equal(PointStatus.Closed, point.Status);

        Assert.Equal([PointTrigger.Authorise, PointTrigger.Activate, PointTrigger.Suspend, PointTrigger.Resume, PointTrigger.Close],
            point.History.Select(h => h.Trigger));
        Assert.All(point.History, h => Assert.Equal(Roles.RegistryOfficer, h.ActorRole));
        Assert.Equal("staff on leave", point.History[2].Reason);
        var read = await officer.GetRegistrationPointAsync(new GetRegistrationPointRequest { Name = point.Name });
        Assert.Equal(5, read.History.Count);
    }

    [Theory]
    [InlineData(PointTrigger.Close)]
    [InlineData(PointTrigger.Authorise)]
    public async Task TransitionRegistrationPoint_WhenProposedPointClosedOrAuthorised_IsAllowed(PointTrigger trigger)
    {
        var officer = await OfficerAsync();
        var point = await officer.CreateRegistrationPointAsync(new CreateRegistrationPointRequest
        {
            RequestId = Guid.NewGuid().ToString(), Point = RegistrationFixture.NewPoint("330106"),
        });

        point = await TransitionAsync(officer, point, trigger, "reason");

        Assert.NotEqual(PointStatus.Proposed, point.Status);
    }

    [Theory]
    [InlineData(PointStatus.Proposed, PointTrigger.Activate)]
    [InlineData(PointStatus.Proposed, PointTrigger.Suspend)]
    [InlineData(PointStatus.Proposed, PointTrigger.Resume)]
    [InlineData(PointStatus.Authorised, PointTrigger.Authorise)]
    [InlineData(PointStatus.Authorised, PointTrigger.Suspend)]
    [InlineData(PointStatus.Active, PointTrigger.Activate)]
    [InlineData(PointStatus.Active, PointTrigger.Resume)]
    [InlineData(PointStatus.Suspended, PointTrigger.Suspend)]
    [InlineData(PointStatus.Closed, PointTrigger.Resume)]
    [InlineData(PointStatus.Closed, PointTrigger.Close)]
    public async Task TransitionRegistrationPoint_WhenNotAllowedInState_ReturnsFailedPreconditionNamingState(PointStatus state, PointTrigger trigger)
    {
        var officer = await OfficerAsync();
        var point = await PointInStateAsync(officer, state);

        await RpcAssert.IllegalAsync(state.ToString(), () => TransitionAsync(officer, point, trigger, "reason"));
    }

    [Theory]
    [InlineData(PointTrigger.Suspend)]
    [InlineData(PointTrigger.Close)]
    public async Task TransitionRegistrationPoint_WhenSuspendOrCloseWithoutReason_ReturnsInvalidArgument(PointTrigger trigger)
    {
        var officer = await OfficerAsync();
        var point = await PointInStateAsync(officer, PointStatus.Active);

        await RpcAssert.InvalidAsync("reason", () => TransitionAsync(officer, point, trigger));
    }

    [Fact]
    public async Task TransitionRegistrationPoint_WhenEtagStale_ReturnsAborted()
    {
        var officer = await OfficerAsync();
        var point = await PointInStateAsync(officer, PointStatus.Active);
        await TransitionAsync(officer, point, PointTrigger.Suspend, "first");

        await RpcAssert.FailsAsync(StatusCode.Aborted, () => TransitionAsync(officer, point, PointTrigger.Close, "second"));
    }

    [Fact]
    public async Task UpdateRegistrationPoint_WhenMaskNamesFields_ChangesOnlyThoseAndAudits()
    {
        var officer = await OfficerAsync();
        var point = await PointInStateAsync(officer, PointStatus.Active);
        var auditBefore = await fixture.CountAsync<AuditEntry>();
        var change = point.Clone();
        change.DisplayName = "新名称";
        change.Address = "should not change";

        var updated = await officer.UpdateRegistrationPointAsync(new UpdateRegistrationPointRequest
        {
            Point = change, UpdateMask = new FieldMask { Paths = { "display_name" } },
        });

        Assert.Equal("新名称", updated.DisplayName);
        Assert.Equal(point.Address, updated.Address);
        Assert.NotEqual(point.Etag, updated.Etag);
        Assert.True(await fixture.CountAsync<AuditEntry>() > auditBefore);
    }

    [Fact]
    public async Task UpdateRegistrationPoint_WhenEtagStale_ReturnsAborted()
    {
        var officer = await OfficerAsync();
        var point = await PointInStateAsync(officer, PointStatus.Proposed);
        var first = point.Clone();
        first.DisplayName = "第一";
        await officer.UpdateRegistrationPointAsync(new UpdateRegistrationPointRequest { Point = first, UpdateMask = new FieldMask { Paths = { "display_name" } } });
        var second = point.Clone();
        second.DisplayName = "第二";

        await RpcAssert.FailsAsync(StatusCode.Aborted, () => officer.UpdateRegistrationPointAsync(new UpdateRegistrationPointRequest
        {
            Point = second, UpdateMask = new FieldMask { Paths = { "display_name" } },
        }).ResponseAsync);
    }

    [Fact]
    public async Task UpdateRegistrationPoint_WhenMaskNamesRegion_ReturnsInvalidArgument()
    {
        var officer = await OfficerAsync();
        var point = await PointInStateAsync(officer, PointStatus.Proposed);

        await RpcAssert.InvalidAsync("update_mask", () => officer.UpdateRegistrationPointAsync(new UpdateRegistrationPointRequest
        {
            Point = point, UpdateMask = new FieldMask { Paths = { "region_code" } },
        }).ResponseAsync);
    }

    [Fact]
    public async Task AssignStaff_ThenRemoveStaff_ChangesStaffList()
    {
        var officer = await OfficerAsync();
        var point = await PointInStateAsync(officer, PointStatus.Active);

        point = await officer.AssignStaffAsync(new AssignStaffRequest { Name = point.Name, UserId = "user-1" });
        Assert.Contains("user-1", point.StaffUserIds);
        point = await officer.RemoveStaffAsync(new RemoveStaffRequest { Name = point.Name, UserId = "user-1" });
        Assert.DoesNotContain("user-1", point.StaffUserIds);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => officer.RemoveStaffAsync(new RemoveStaffRequest { Name = point.Name, UserId = "user-1" }).ResponseAsync);
    }

    [Fact]
    public async Task ListRegistrationPoints_WhenClerk_SeesOnlyTheirPoint()
    {
        var mine = await fixture.CreateActivePointAsync("330106");
        await fixture.CreateActivePointAsync("330106");
        var clerk = fixture.Client<RegistrationPoints.RegistrationPointsClient>(mine.ClerkToken);

        var list = await clerk.ListRegistrationPointsAsync(new ListRegistrationPointsRequest());

        Assert.Equal([mine.Name], list.Points.Select(p => p.Name));
    }

    [Fact]
    public async Task ListRegistrationPoints_WhenCityOfficer_SeesOnlyTheirCityAndPagesThrough()
    {
        await fixture.CreateActivePointAsync("330106");
        await fixture.CreateActivePointAsync("330203");
        var officer = await OfficerAsync("330200");

        var names = new List<RegistrationPoint>();
        var token = "";
        do
        {
            var page = await officer.ListRegistrationPointsAsync(new ListRegistrationPointsRequest { PageSize = 1, PageToken = token });
            names.AddRange(page.Points);
            token = page.NextPageToken;
        }
        while (token != "");

        Assert.NotEmpty(names);
        Assert.All(names, p => Assert.StartsWith("3302", p.RegionCode, StringComparison.Ordinal));
        Assert.Equal(names.Count, names.Select(p => p.Name).Distinct().Count());
    }

    [Fact]
    public async Task GetRegistrationPoint_WhenOfficerOfAnotherCity_ReturnsPermissionDenied()
    {
        var point = await fixture.CreateActivePointAsync("330106");
        var ningbo = await OfficerAsync("330200");

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => ningbo.GetRegistrationPointAsync(new GetRegistrationPointRequest { Name = point.Name }).ResponseAsync);
    }

    [Fact]
    public async Task CreateRegistrationPoint_WhenClerk_ReturnsPermissionDenied()
    {
        var point = await fixture.CreateActivePointAsync("330106");
        var clerk = fixture.Client<RegistrationPoints.RegistrationPointsClient>(point.ClerkToken);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => clerk.CreateRegistrationPointAsync(new CreateRegistrationPointRequest
        {
            RequestId = Guid.NewGuid().ToString(), Point = RegistrationFixture.NewPoint(),
        }).ResponseAsync);
    }

    private static async Task<RegistrationPoint> PointInStateAsync(RegistrationPoints.RegistrationPointsClient officer, PointStatus state)
    {
        var point = await officer.CreateRegistrationPointAsync(new CreateRegistrationPointRequest
        {
            RequestId = Guid.NewGuid().ToString(), Point = RegistrationFixture.NewPoint("330106"),
        });
        var path = state switch
        {
            PointStatus.Proposed => [],
            PointStatus.Authorised => [PointTrigger.Authorise],
            PointStatus.Active => [PointTrigger.Authorise, PointTrigger.Activate],
            PointStatus.Suspended => [PointTrigger.Authorise, PointTrigger.Activate, PointTrigger.Suspend],
            _ => new[] { PointTrigger.Close },
        };
        foreach (var trigger in path)
        {
            point = await TransitionAsync(officer, point, trigger, "setup");
        }
        return point;
    }
}
