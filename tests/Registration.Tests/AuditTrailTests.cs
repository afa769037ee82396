using DonationRegistry.Audit.V1;
using DonationRegistry.Common;
using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Xunit;
using AuditRow = DonationRegistry.Common.Auditing.AuditEntry;

namespace DonationRegistry.Registration.Tests;

/// <summary>
/// The one audit-log query of every service (protos/audit.proto, ServiceDefaults/AuditTrailService.cs), here on Registration:
/// who may read it, the filters, paging, that reading it is itself audited, and bad input refused with nothing written.
/// </summary>
[Collection(RegistrationFixture.Collection)]
public sealed class AuditTrailTests(RegistrationFixture fixture)
{
    private const string Purpose = "integration test: audit review";
    private readonly RegistrationSteps _steps = new(fixture);

    [Theory]
    [InlineData(Roles.Administrator, "RC-330000", "330000", "province")]
    [InlineData(Roles.Auditor, "AUDIT-330000", "330000", "province")]
    public async Task ListAuditEntries_WhenAdministratorOrProvincialAuditorAsks_ReturnsWhoReadAndChangedTheRecordNewestFirst(
        string role, string orgId, string region, string orgType)
    {
        var request = TestPeople.NewOrganRegistration("");
        var (idNumber, fullName) = (request.Registration.Person.IdNumber, request.Registration.Person.FullName);
        var (_, subject, point) = await ReadRegistrationAsync(request);
        var client = await ClientAsync(role, orgId, region, orgType);

        var page = await client.ListAuditEntriesAsync(new ListAuditEntriesRequest { SubjectId = subject, Purpose = Purpose });

        Assert.All(page.AuditEntries, e => Assert.Equal(subject, e.SubjectId));
        var create = Assert.Single(page.AuditEntries, e => e.Operation == "CreateRegistration");
        Assert.Equal(AuditAction.Change, create.Action);
        Assert.Equal(Roles.RegistrationClerk, create.ActorRole);
        Assert.Equal(point.Clerk.Id.ToString(), create.ActorUserId);
        var read = Assert.Single(page.AuditEntries, e => e.Operation == "GetRegistration");
        Assert.Equal(AuditAction.Read, read.Action);
        Assert.Equal(RegistrationSteps.Purpose, read.Purpose);
        Assert.Equal(page.AuditEntries.OrderByDescending(e => e.Time.ToDateTimeOffset()).Select(e => e.Name), page.AuditEntries.Select(e => e.Name));
        Assert.All(page.AuditEntries, e => Assert.DoesNotContain(idNumber, e.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.All(page.AuditEntries, e => Assert.DoesNotContain(fullName, e.ToString(), StringComparison.Ordinal));
        Assert.All(page.AuditEntries, e => Assert.Equal("registration", e.Service));
    }

    [Fact]
    public async Task ListAuditEntries_WhenRead_RecordsTheReadOfEachPersonShown()
    {
        var (_, subject, _) = await ReadRegistrationAsync();
        var admin = await fixture.Identity.CreateUserAsync(Roles.Administrator, "RC-330000", "330000", "province");
        var client = fixture.Client<AuditTrail.AuditTrailClient>(await fixture.Identity.TokenAsync(admin.UserName, admin.Password, Scopes.Registration));

        await client.ListAuditEntriesAsync(new ListAuditEntriesRequest { SubjectId = subject, Purpose = Purpose });

        var subjectId = Guid.Parse(subject);
        var reads = await fixture.WithDbAsync(db => db.Set<AuditRow>()
            .Where(a => a.SubjectId == subjectId && a.ActorUserId == admin.Id.ToString()).ToListAsync());
        var read = Assert.Single(reads);
        Assert.Equal("ListAuditEntries", read.Operation);
        Assert.Equal(DonationRegistry.Common.Auditing.AuditAction.Read, read.Action);
        Assert.Equal(Roles.Administrator, read.ActorRole);
        Assert.Equal(Purpose, read.Purpose);
    }

    [Fact]
    public async Task ListAuditEntries_WhenFilteredByActionOperationAndTime_ReturnsOnlyMatchingEntries()
    {
        var (_, subject, _) = await ReadRegistrationAsync();
        var client = await ClientAsync(Roles.Auditor, "AUDIT-330000", "330000", "province");
        var all = await client.ListAuditEntriesAsync(new ListAuditEntriesRequest { SubjectId = subject, Purpose = Purpose });
        var created = all.AuditEntries.Single(e => e.Operation == "CreateRegistration").Time;

        var reads = await client.ListAuditEntriesAsync(new ListAuditEntriesRequest { SubjectId = subject, Action = AuditAction.Read, Purpose = Purpose });
        var creates = await client.ListAuditEntriesAsync(new ListAuditEntriesRequest { SubjectId = subject, Operation = "CreateRegistration", Purpose = Purpose });
        var before = await client.ListAuditEntriesAsync(new ListAuditEntriesRequest { SubjectId = subject, EndTime = created, Purpose = Purpose });
        var from = await client.ListAuditEntriesAsync(new ListAuditEntriesRequest { SubjectId = subject, StartTime = created, Purpose = Purpose });

        Assert.NotEmpty(reads.AuditEntries);
        Assert.All(reads.AuditEntries, e => Assert.Equal(AuditAction.Read, e.Action));
        Assert.Equal("CreateRegistration", Assert.Single(creates.AuditEntries).Operation);
        Assert.Empty(before.AuditEntries);
        Assert.Contains(from.AuditEntries, e => e.Operation == "CreateRegistration");
    }

    [Fact]
    public async Task ListAuditEntries_WhenPagedOneByOne_ReturnsEveryEntryOnceInTheSameOrder()
    {
        var (_, subject, _) = await ReadRegistrationAsync();
        var client = await ClientAsync(Roles.Administrator, "RC-330000", "330000", "province");
        // Up to now only: the listing below adds read rows of its own, which must not shift the pages.
        var period = new ListAuditEntriesRequest { SubjectId = subject, EndTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), Purpose = Purpose };
        var whole = await client.ListAuditEntriesAsync(period);

        var paged = new List<string>();
        var token = "";
        do
        {
            var request = period.Clone();
            request.PageSize = 1;
            request.PageToken = token;
            var page = await client.ListAuditEntriesAsync(request);
            paged.AddRange(page.AuditEntries.Select(e => e.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0 && paged.Count < 100);

        Assert.True(whole.AuditEntries.Count >= 3, $"Expected create, witnessing and read entries; got {whole.AuditEntries.Count}.");
        Assert.Equal(whole.AuditEntries.Select(e => e.Name), paged);
    }

    public static TheoryData<string, string, string, string> Refused => new()
    {
        { Roles.RegistrationClerk, "RP-330100-0001", "330100", "registration_point" },
        { Roles.OrganCoordinator, "H-330102-0001", "330102", "hospital" },
        { Roles.RegistryOfficer, "RC-330000", "330000", "province" },
        { Roles.FamilyCareStaff, "RC-330100", "330100", "city" },
        // Entries carry no region, so an auditor below the province cannot be limited to its city: refused outright.
        { Roles.Auditor, "AUDIT-330100", "330100", "city" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ListAuditEntries_WhenAnyOtherRoleAsks_IsPermissionDeniedAndWritesNothing(string role, string orgId, string region, string orgType)
    {
        var client = await ClientAsync(role, orgId, region, orgType);
        var before = await AuditRowsAsync();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied,
            async () => await client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Purpose = Purpose }));

        Assert.Equal(before, await AuditRowsAsync());
    }

    [Fact]
    public async Task ListAuditEntries_WhenNoToken_IsUnauthenticated()
    {
        var client = fixture.Client<AuditTrail.AuditTrailClient>(null);

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated,
            async () => await client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Purpose = Purpose }));
    }

    public static TheoryData<string, ListAuditEntriesRequest> BadRequests => new()
    {
        { "subject_id", new ListAuditEntriesRequest { SubjectId = "330106199001011234", Purpose = Purpose } },
        { "actor_user_id", new ListAuditEntriesRequest { ActorUserId = new string('a', 65), Purpose = Purpose } },
        { "operation", new ListAuditEntriesRequest { Operation = new string('G', 61), Purpose = Purpose } },
        { "action", new ListAuditEntriesRequest { Action = (AuditAction)7, Purpose = Purpose } },
        {
            "end_time", new ListAuditEntriesRequest
            {
                StartTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 5, 2, 0, 0, 0, TimeSpan.Zero)),
                EndTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero)), Purpose = Purpose,
            }
        },
        { "page_size", new ListAuditEntriesRequest { PageSize = -1, Purpose = Purpose } },
        { "page_size", new ListAuditEntriesRequest { PageSize = 501, Purpose = Purpose } },
        { "page_token", new ListAuditEntriesRequest { PageToken = "not-a-token", Purpose = Purpose } },
        { "page_token", new ListAuditEntriesRequest { PageToken = "%%%", Purpose = Purpose } },
        { "purpose", new ListAuditEntriesRequest() },
        { "purpose", new ListAuditEntriesRequest { Purpose = "   " } },
        { "purpose", new ListAuditEntriesRequest { Purpose = new string('x', 201) } },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task ListAuditEntries_WhenInputIsBad_IsInvalidArgumentNamingTheFieldAndWritesNothing(string field, ListAuditEntriesRequest request)
    {
        var client = await ClientAsync(Roles.Administrator, "RC-330000", "330000", "province");
        var before = await AuditRowsAsync();

        await RpcAssert.InvalidAsync(field, async () => await client.ListAuditEntriesAsync(request));

        Assert.Equal(before, await AuditRowsAsync());
    }

    // A registration entered (change rows) and read by its clerk (a read row), with its id as the audit subject.
    private async Task<(V1.Registration Registration, string Subject, TestPoint Point)> ReadRegistrationAsync(CreateRegistrationRequest? request = null)
    {
        var point = await fixture.CreateActivePointAsync();
        if (request is not null)
        {
            request.Registration.RegistrationPoint = point.Name;
        }
        var registration = await _steps.PendingWitnessAsync(point, request);
        await _steps.Clerk(point).GetRegistrationAsync(new GetRegistrationRequest { Name = registration.Name, Purpose = RegistrationSteps.Purpose });
        return (registration, registration.Name[(registration.Name.IndexOf('/') + 1)..], point);
    }

    private async Task<AuditTrail.AuditTrailClient> ClientAsync(string role, string orgId, string region, string orgType) =>
        fixture.Client<AuditTrail.AuditTrailClient>(await fixture.TokenForRoleAsync(role, orgId, region, orgType));

    // Only this class's own callers read the log, and a refused or bad call must add no row: the whole table is compared.
    private Task<long> AuditRowsAsync() => fixture.WithDbAsync(db => db.Set<AuditRow>().Where(a => a.Operation == "ListAuditEntries").LongCountAsync());
}
