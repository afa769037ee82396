extern alias organ;
extern alias registration;

using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using DonationRegistry.Common;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Identity;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Xunit;
using OrganDbContext = organ::DonationRegistry.OrganCoordination.Infrastructure.OrganDbContext;
using Reg = DonationRegistry.Registration.V1;
using RegistrationDbContext = registration::DonationRegistry.Registration.Infrastructure.RegistrationDbContext;

namespace DonationRegistry.OrganCoordination.Tests;

[CollectionDefinition(OrganFixture.Collection)]
public sealed class OrganCollection : ICollectionFixture<OrganFixture>;

/// <summary>
/// One running OrganCoordination service and one Registration service for the "organ" collection: an in-process Identity server
/// (real tokens, real client-credentials token for the registry check), a fresh database each on the shared test PostgreSQL, the
/// shared test RabbitMQ (both services on it, so events flow between them), fresh random ID-number keys. The registry check goes
/// through <see cref="Gate"/>, which can take the Registration service "down".
/// </summary>
public sealed class OrganFixture : IAsyncLifetime
{
    public const string Collection = "organ";
    /// <summary>The hospital of the coordinators' cases.</summary>
    public const string Hospital = "HOSP-330106-01";
    public const string Region = "330106";
    public const string BodyUnit = "BRU-T-330100-ZJU";
    public const string EyeBank = "EB-T-330100-01";
    public const string BrainBank = "BB-T-330100-ZJU";
    public const string InactiveEyeBank = "EB-T-330100-OLD";

    private readonly FreshDatabase _organDb = new();
    private readonly FreshDatabase _registrationDb = new();
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new();
    private ServiceHost<OrganDbContext>? _organ;
    private ServiceHost<RegistrationDbContext>? _registration;
    private readonly SemaphoreSlim _unitsLock = new(1, 1);
    private readonly SemaphoreSlim _clockedLock = new(1, 1);
    private readonly FreshDatabase _clockedDb = new();
    private ServiceHost<OrganDbContext>? _clocked;
    private readonly HashSet<object> _unitsCreated = [];
    private int _credentialCounter;

    public IdentityServer Identity { get; } = new();
    public string BrokerConnectionString { get; private set; } = "";
    public RegistryGate Gate { get; }
    public ServiceHost<OrganDbContext> Organ => _organ ?? throw new InvalidOperationException("not initialised");
    public ServiceHost<RegistrationDbContext> Registration => _registration ?? throw new InvalidOperationException("not initialised");

    public OrganFixture() => Gate = new RegistryGate(() => Registration.Server.CreateHandler());

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Identity.InitializeAsync(), _organDb.InitializeAsync(), _registrationDb.InitializeAsync());
        BrokerConnectionString = (await TestInfrastructure.RabbitMqAsync()).ConnectionString;
        var run = Guid.NewGuid().ToString("N")[..8];
        _registration = new ServiceHost<RegistrationDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:registrationdb"] = _registrationDb.ConnectionString,
            ["ConnectionStrings:messaging"] = BrokerConnectionString,
            ["Messaging:ServiceName"] = "registration-" + run,
            ["Messaging:OutboxPollInterval"] = "00:00:00.200",
            ["Identity:Authority"] = Identity.Authority,
            ["PersonalData:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["PersonalData:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _organ = NewOrganHost(_organDb.ConnectionString, "organcoordination-" + run, null);
        _ = _registration.Server;
        _ = _organ.Server;
        await _registration.WaitUntilHealthyAsync();
        await _organ.WaitUntilHealthyAsync();
    }

    public async Task DisposeAsync()
    {
        if (_organ is not null)
        {
            await _organ.DisposeAsync();
        }
        if (_registration is not null)
        {
            await _registration.DisposeAsync();
        }
        if (_clocked is not null)
        {
            await _clocked.DisposeAsync();
            await _clockedDb.DisposeAsync();
        }
        _clockedLock.Dispose();
        await Identity.DisposeAsync();
        _unitsLock.Dispose();
        await _organDb.DisposeAsync();
        await _registrationDb.DisposeAsync();
    }

    /// <summary>
    /// A second OrganCoordination service on its own fresh database whose clock the tests set (<see cref="Clock"/>), for time windows
    /// and due lists; created on first use.
    /// </summary>
    public async Task<ServiceHost<OrganDbContext>> ClockedOrganAsync()
    {
        await _clockedLock.WaitAsync();
        try
        {
            if (_clocked is null)
            {
                await _clockedDb.InitializeAsync();
                _clocked = NewOrganHost(_clockedDb.ConnectionString, "organclocked-" + Guid.NewGuid().ToString("N")[..8], Clock);
                _ = _clocked.Server;
                await _clocked.WaitUntilHealthyAsync();
            }
            return _clocked;
        }
        finally
        {
            _clockedLock.Release();
        }
    }

    /// <summary>The clock of <see cref="ClockedOrganAsync"/>.</summary>
    public TestClock Clock { get; } = new();

    private ServiceHost<OrganDbContext> NewOrganHost(string connectionString, string serviceName, TimeProvider? clock) =>
        new(new Dictionary<string, string?>
        {
            ["ConnectionStrings:organdb"] = connectionString,
            ["ConnectionStrings:messaging"] = BrokerConnectionString,
            ["Messaging:ServiceName"] = serviceName,
            ["Messaging:OutboxPollInterval"] = "00:00:00.200",
            ["Identity:Authority"] = Identity.Authority,
            ["OrganCoordination:ClientSecret"] = IdentityServer.ClientSecrets["organcoordination"],
            ["Registry:Address"] = "http://localhost",
            ["PersonalData:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["PersonalData:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            // The tests call the public rpcs far more often than the production limit allows (RateLimitTests set their own).
            ["OrganCoordination:PublicCallsPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        }, services =>
        {
            services.Configure<HttpClientFactoryOptions>("RegistryClient",
                o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = Gate.CreateHandler()));
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        });

    public V1.OrganCases.OrganCasesClient Cases(string? token) => new(Organ.Channel(token));

    public V1.CoordinatorCredentials.CoordinatorCredentialsClient Credentials(string? token) => new(Organ.Channel(token));

    public V1.BodyDonationCases.BodyDonationCasesClient Bodies(string? token, ServiceHost<OrganDbContext>? host = null) => new((host ?? Organ).Channel(token));

    public V1.TissueDonationCases.TissueDonationCasesClient Tissues(string? token, ServiceHost<OrganDbContext>? host = null) => new((host ?? Organ).Channel(token));

    public V1.ReceivingUnits.ReceivingUnitsClient Units(string? token, ServiceHost<OrganDbContext>? host = null) => new((host ?? Organ).Channel(token));

    public V1.Memorials.MemorialsClient Memorials(string? token, ServiceHost<OrganDbContext>? host = null) => new((host ?? Organ).Channel(token));

    public V1.DonationOverview.DonationOverviewClient Overview(string? token, ServiceHost<OrganDbContext>? host = null) => new((host ?? Organ).Channel(token));

    /// <summary>A hospital coordinator of <see cref="Hospital"/> (or another hospital) holding an active credential.</summary>
    public Task<string> CoordinatorTokenAsync(string hospital = Hospital, string region = Region) =>
        _tokens.GetOrAdd("coordinator:" + hospital, async _ =>
        {
            var user = await Identity.CreateUserAsync(Roles.OrganCoordinator, hospital, region, "hospital");
            await CertifiedCoordinatorAsync(user.Id.ToString());
            return await Identity.TokenAsync(user.UserName, user.Password, Scopes.Organ);
        });

    /// <summary>A new hospital coordinator of <see cref="Hospital"/> with an active credential on <paramref name="host"/> (certified at its "now").</summary>
    public async Task<string> CredentialedCoordinatorTokenAsync(ServiceHost<OrganDbContext> host)
    {
        var user = await Identity.CreateUserAsync(Roles.OrganCoordinator, Hospital, Region, "hospital");
        await CertifiedCoordinatorAsync(user.Id.ToString(), host);
        return await Identity.TokenAsync(user.UserName, user.Password, Scopes.Organ);
    }

    /// <summary>A new hospital coordinator of <see cref="Hospital"/> and its user id, without any credential.</summary>
    public async Task<(string Token, string UserId)> CoordinatorWithoutCredentialAsync()
    {
        var user = await Identity.CreateUserAsync(Roles.OrganCoordinator, Hospital, Region, "hospital");
        return (await Identity.TokenAsync(user.UserName, user.Password, Scopes.Organ), user.Id.ToString());
    }

    /// <summary>Staff of the receiving unit or bank <paramref name="unitId"/> (org_id = the unit's id).</summary>
    public Task<string> UnitStaffTokenAsync(string unitId) =>
        _tokens.GetOrAdd("unit:" + unitId, _ => Identity.TokenForAsync(Roles.ReceivingUnitStaff, unitId, "330100", "receiving_unit", Scopes.Organ));

    /// <summary>The receiving units of the tests (created once): a body-receiving unit, an eye bank, a brain bank, an inactive eye bank.</summary>
    public async Task EnsureUnitsAsync(ServiceHost<OrganDbContext>? host = null)
    {
        host ??= Organ;
        await _unitsLock.WaitAsync();
        try
        {
            if (_unitsCreated.Contains(host))
            {
                return;
            }
            var units = new V1.ReceivingUnits.ReceivingUnitsClient(host.Channel(await ProvincialOfficerTokenAsync()));
            foreach (var (id, name, kind, accepts, active) in new[]
            {
                (BodyUnit, "浙江大学医学院", V1.ReceivingUnitKind.BodyReceivingUnit, V1.DonationKind.BodyDonation, true),
                (EyeBank, "浙江省眼库", V1.ReceivingUnitKind.EyeBank, V1.DonationKind.CorneaDonation, true),
                (BrainBank, "国家健康和疾病人脑组织资源库", V1.ReceivingUnitKind.BrainBank, V1.DonationKind.BrainDonation, true),
                (InactiveEyeBank, "旧眼库", V1.ReceivingUnitKind.EyeBank, V1.DonationKind.CorneaDonation, false),
            })
            {
                await units.CreateReceivingUnitAsync(new V1.CreateReceivingUnitRequest
                {
                    ReceivingUnitId = id,
                    ReceivingUnit = new V1.ReceivingUnit { DisplayName = name, Kind = kind, RegionCode = "330100", AcceptedDonations = { accepts }, Active = active },
                });
            }
            _unitsCreated.Add(host);
        }
        finally
        {
            _unitsLock.Release();
        }
    }

    /// <summary>The provincial Red Cross officer (appoints witnesses, manages credentials).</summary>
    public Task<string> ProvincialOfficerTokenAsync() => OfficerTokenAsync(RegionCodes.Province);

    public Task<string> OfficerTokenAsync(string region) =>
        _tokens.GetOrAdd("officer:" + region, _ => Identity.TokenForAsync(Roles.RegistryOfficer, "RC-" + region, region,
            region == RegionCodes.Province ? "province" : "city", Scopes.Organ, Scopes.Registration));

    public Task<string> TokenForRoleAsync(string role, string orgId, string region, string orgType) =>
        _tokens.GetOrAdd($"{role}:{orgId}:{region}", _ => Identity.TokenForAsync(role, orgId, region, orgType, Scopes.Organ));

    /// <summary>A certified coordinator credential (active now) for a new holder; returns its number.</summary>
    public async Task<(string Holder, string Number)> CertifiedCoordinatorAsync(string? holderId = null, ServiceHost<OrganDbContext>? host = null)
    {
        var officer = new V1.CoordinatorCredentials.CoordinatorCredentialsClient((host ?? Organ).Channel(await ProvincialOfficerTokenAsync()));
        var n = Interlocked.Increment(ref _credentialCounter);
        var holder = holderId ?? $"coord-{Guid.NewGuid():N}"[..20];
        var credential = await officer.CreateCredentialAsync(new V1.CreateCredentialRequest { HolderId = holder, OrgId = "RC-330100", RegionCode = "330100" });
        credential = await officer.RecordTrainingAsync(new V1.RecordTrainingRequest { Name = credential.Name, Etag = credential.Etag, Hours = 40, CourseReference = "COURSE-1" });
        var number = string.Create(CultureInfo.InvariantCulture, $"ZJ-{Guid.NewGuid().ToString("N")[..6]}-{n}");
        await officer.CertifyCredentialAsync(new V1.CertifyCredentialRequest { Name = credential.Name, Etag = credential.Etag, Number = number });
        return (holder, number);
    }

    /// <summary>A confirmed organ registration in the Registration service for <paramref name="idNumber"/>; returns its name.</summary>
    public async Task<string> RegisteredVolunteerAsync(string idNumber, bool objection = false, bool bodyAndTissue = false)
    {
        var officerToken = await Identity.TokenForAsync(Roles.RegistryOfficer, "RC-330000", "330000", "province", Scopes.Registration);
        var points = new Reg.RegistrationPoints.RegistrationPointsClient(Registration.Channel(officerToken));
        var registrations = new Reg.Registrations.RegistrationsClient(Registration.Channel(officerToken));
        var point = await points.CreateRegistrationPointAsync(new Reg.CreateRegistrationPointRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Point = new Reg.RegistrationPoint
            {
                DisplayName = "测试登记点 " + Guid.NewGuid().ToString("N")[..6], HostOrganisation = "浙江民生社会养老服务中心",
                Kind = Reg.PointKind.ElderCare, RegionCode = Region, Address = "杭州市西湖区文三路 1 号", ContactPhone = "0571-88889999",
                Services = { Reg.PointService.Registration, Reg.PointService.IntentLetterWitness },
            },
        });
        point = await points.TransitionRegistrationPointAsync(new Reg.TransitionRegistrationPointRequest { Name = point.Name, Trigger = Reg.PointTrigger.Authorise, Etag = point.Etag, Reason = "test" });
        await points.TransitionRegistrationPointAsync(new Reg.TransitionRegistrationPointRequest { Name = point.Name, Trigger = Reg.PointTrigger.Activate, Etag = point.Etag });
        var registration = await registrations.CreateRegistrationAsync(new Reg.CreateRegistrationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Registration = new Reg.Registration
            {
                RegistrationPoint = point.Name, Channel = Reg.Channel.AuthorisedPoint,
                Programme = bodyAndTissue ? Reg.Programme.BodyAndTissue : Reg.Programme.Organ,
                Person = new Reg.Person { FullName = "张三", IdType = Reg.IdType.ResidentId, IdNumber = idNumber, Phone = "13800138000", Address = "杭州市西湖区文三路 100 号" },
                NotificationContact = new Reg.Contact { FullName = "李四", Relation = "配偶", Phone = "13900139000" },
                Consents = new Reg.Consents { SensitiveData = true, TransferToProvincialCentre = true },
                Scope = { bodyAndTissue ? new[] { Reg.DonationScope.Body, Reg.DonationScope.Cornea, Reg.DonationScope.BrainTissue } : new[] { Reg.DonationScope.Kidney, Reg.DonationScope.Liver } },
                Executor = bodyAndTissue ? new Reg.Executor { Kind = Reg.ExecutorKind.Relative, Name = "李四", Phone = "13900139000" } : null,
            },
        });
        var witnessing = new Reg.Witnessing { FamilyInformed = true, LetterSha256 = new string('a', 64) };
        for (var i = 0; i < 2; i++)
        {
            witnessing.Witnesses.Add(new Reg.Witness
            {
                FullName = "王五", Relation = "朋友", IdType = Reg.IdType.ResidentId, IdNumber = People.NewIdNumber(),
                SignedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow),
            });
        }
        registration = await registrations.RecordWitnessingAsync(new Reg.RecordWitnessingRequest { Name = registration.Name, Witnessing = witnessing, Etag = registration.Etag });
        registration = await registrations.ForwardRegistrationAsync(new Reg.ForwardRegistrationRequest { Name = registration.Name, Etag = registration.Etag });
        registration = await registrations.ConfirmRegistrationAsync(new Reg.ConfirmRegistrationRequest { Name = registration.Name, Etag = registration.Etag });
        if (objection)
        {
            registration = await registrations.RecordObjectionAsync(new Reg.RecordObjectionRequest { Name = registration.Name, DocumentReference = "OBJ-1", Etag = registration.Etag });
        }
        return registration.Name;
    }

    /// <summary>The registration's state as the Registration service reports it.</summary>
    public async Task<Reg.RegistrationStatus> RegistrationStatusAsync(string name)
    {
        var token = await Identity.TokenForAsync(Roles.RegistryOfficer, "RC-330000", "330000", "province", Scopes.Registration);
        var registration = await new Reg.Registrations.RegistrationsClient(Registration.Channel(token))
            .GetRegistrationAsync(new Reg.GetRegistrationRequest { Name = name, Purpose = "test" });
        return registration.Status;
    }

    /// <summary>Runs <paramref name="query"/> on a fresh context of the OrganCoordination service.</summary>
    public async Task<T> WithOrganDbAsync<T>(Func<OrganDbContext, Task<T>> query)
    {
        await using var scope = Organ.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<OrganDbContext>());
    }

    /// <summary>Rows of the OrganCoordination database: cases of each kind, timeline rows, audit rows, outbox rows, credentials, units and memorials (to prove nothing was written).</summary>
    public Task<long[]> RowCountsAsync() => WithOrganDbAsync(async db => new[]
    {
        await db.OrganCases.LongCountAsync(),
        (await db.Database.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM organ_case_timeline").ToListAsync()).Single(),
        (await db.Database.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM audit_log").ToListAsync()).Single(),
        (await db.Database.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM outbox_messages").ToListAsync()).Single(),
        await db.Credentials.LongCountAsync(),
        (await db.Database.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM credential_timeline").ToListAsync()).Single(),
        await db.BodyCases.LongCountAsync(),
        (await db.Database.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM body_case_timeline").ToListAsync()).Single(),
        await db.TissueCases.LongCountAsync(),
        (await db.Database.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM tissue_case_timeline").ToListAsync()).Single(),
        await db.ReceivingUnits.LongCountAsync(),
        await db.Memorials.LongCountAsync(),
    });
}
