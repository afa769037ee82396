extern alias familycare;

using System.Collections.Concurrent;
using DonationRegistry.Common;
using DonationRegistry.FamilyCare.V1;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Identity;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using FamilyCareDbContext = familycare::DonationRegistry.FamilyCare.Infrastructure.FamilyCareDbContext;
using Model = familycare::DonationRegistry.FamilyCare.Domain.Families;

namespace DonationRegistry.FamilyCare.Tests;

/// <summary>The xunit collection every FamilyCare test class joins: <c>[Collection(FamilyCareFixture.Collection)]</c>.</summary>
[CollectionDefinition(FamilyCareFixture.Collection)]
public sealed class FamilyCareCollection : ICollectionFixture<FamilyCareFixture>;

/// <summary>
/// One running FamilyCare service for the collection: an in-process Identity server (real tokens), a fresh database on the shared
/// test PostgreSQL (migrated by the service at start), the shared test RabbitMQ. Tests share the database, so each makes its own
/// families (<see cref="ReferredFamilyAsync"/>, <see cref="EnrolledFamilyAsync"/>) and asserts on its own rows.
/// </summary>
public sealed class FamilyCareFixture : IAsyncLifetime
{
    public const string Collection = "familycare";
    /// <summary>西湖区 (Hangzhou): where the test families live.</summary>
    public const string County = "330106";
    public const string City = "330100";

    private readonly FreshDatabase _database = new();
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new();
    private ServiceHost<FamilyCareDbContext>? _host;

    public IdentityServer Identity { get; } = new();

    public string MessagingServiceName { get; } = "familycare-" + Guid.NewGuid().ToString("N")[..8];

    public ServiceHost<FamilyCareDbContext> Host => _host ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Identity.InitializeAsync(), _database.InitializeAsync());
        var broker = (await TestInfrastructure.RabbitMqAsync()).ConnectionString;
        _host = new ServiceHost<FamilyCareDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:familycaredb"] = _database.ConnectionString,
            ["ConnectionStrings:messaging"] = broker,
            ["Messaging:ServiceName"] = MessagingServiceName,
            ["Messaging:OutboxPollInterval"] = "00:00:00.200",
            ["Identity:Authority"] = Identity.Authority,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _ = _host.Server;
        await Host.WaitUntilHealthyAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        await Identity.DisposeAsync();
        await _database.DisposeAsync();
    }

    public T Client<T>(string? accessToken) where T : ClientBase<T> =>
        (T)Activator.CreateInstance(typeof(T), Host.Channel(accessToken))!;

    /// <summary>A token for a (cached) user of <paramref name="role"/> in <paramref name="region"/> with the familycare scope.</summary>
    public Task<string> TokenAsync(string role, string region = City) =>
        _tokens.GetOrAdd(role + ":" + region, _ => Identity.TokenForAsync(role, "RC-" + region, region,
            region == RegionCodes.Province ? "province" : region.EndsWith("00", StringComparison.Ordinal) ? "city" : "county", Scopes.FamilyCare));

    public Task<string> StaffTokenAsync(string region = City) => TokenAsync(Roles.FamilyCareStaff, region);

    public Task<string> ManagerTokenAsync(string region = City) => TokenAsync(Roles.RegistryOfficer, region);

    /// <summary>A new family-care staff user registered as a staff member of <paramref name="region"/>; returns its id and token.</summary>
    public async Task<(string UserId, string Token)> NewStaffMemberAsync(string region = County)
    {
        var user = await Identity.CreateUserAsync(Roles.FamilyCareStaff, "RC-" + region, region, "county");
        var token = await Identity.TokenAsync(user.UserName, user.Password, Scopes.FamilyCare);
        var id = user.Id.ToString();
        await Client<Visits.VisitsClient>(await ManagerTokenAsync(RegionCodes.Province)).RegisterStaffMemberAsync(new RegisterStaffMemberRequest
        {
            StaffMember = new StaffMember { Name = "staffMembers/" + id, DisplayName = "关爱员" + id[..4], RegionCode = region },
        });
        return (id, token);
    }

    /// <summary>A referred family written straight to the database (as the referral consumer would), in <paramref name="region"/>.</summary>
    public async Task<Guid> ReferredFamilyAsync(string region = County)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyCareDbContext>();
        var family = Model.Family.Refer(Guid.CreateVersion7(), Model.ReferralSource.OrganDonation, Guid.NewGuid(), Guid.NewGuid(), region, true,
            DateTimeOffset.UtcNow);
        db.Families.Add(family);
        await db.SaveChangesAsync();
        return family.Id;
    }

    /// <summary>An enrolled family (consent recorded through the API); its resource name.</summary>
    public async Task<string> EnrolledFamilyAsync(string region = County)
    {
        var name = "families/" + await ReferredFamilyAsync(region);
        await Client<Families.FamiliesClient>(await StaffTokenAsync(RegionCodes.CityOf(region))).RecordFamilyConsentAsync(
            new RecordFamilyConsentRequest { Name = name, EvidenceReference = "CONSENT-1" });
        return name;
    }

    /// <summary>An enrolled family with a 10-year-old primary-school child whose guardian consented; (family, child id).</summary>
    public async Task<(string Family, string ChildId)> FamilyWithChildAsync(string region = County)
    {
        var families = Client<Families.FamiliesClient>(await StaffTokenAsync(RegionCodes.CityOf(region)));
        var name = await EnrolledFamilyAsync(region);
        var family = await families.AddChildAsync(new AddChildRequest
        {
            Name = name, DisplayName = "小明", BirthDate = DateTime.UtcNow.AddYears(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        var child = family.Children[^1].ChildId;
        await families.RecordGuardianConsentAsync(new RecordGuardianConsentRequest { Name = name, ChildId = child, GuardianName = "王芳" });
        await families.RecordChildSchoolingAsync(new RecordChildSchoolingRequest
        {
            Name = name, ChildId = child, School = "西湖小学", Stage = SchoolStage.Primary,
        });
        return (name, child);
    }

    public async Task<T> WithDbAsync<T>(Func<FamilyCareDbContext, Task<T>> query)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<FamilyCareDbContext>());
    }
}
