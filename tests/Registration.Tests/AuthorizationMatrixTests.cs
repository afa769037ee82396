using System.Text;
using DonationRegistry.Common;
using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport.Identity;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Registration.Tests;

/// <summary>
/// The authorisation matrix of issue #3: every rpc of RegistrationPoints, Registrations and RegistrationStatistics × every role of
/// <see cref="Roles"/> (each at the target's own organisation and at another one) plus a service client and an anonymous caller.
/// "Allow" means the call is neither PERMISSION_DENIED nor UNAUTHENTICATED (it may still fail for another reason, e.g. a state
/// changed by an earlier allowed call); "deny" means exactly PERMISSION_DENIED, or UNAUTHENTICATED for the anonymous caller.
/// The expectations are the explicit table <see cref="Allowed"/> below, written from DOMAIN.md section 1 and issue #3 (clerks act
/// only for their own point; registry officers manage points, confirm and act inside their region; auditors read inside their
/// region; every other role has no business here; the certificate check is public), not computed from the service's AccessPolicy.
/// </summary>
/// <remarks>
/// The target of every call lies in Hangzhou: point A in 西湖区 (330106). "own" is the organisation responsible for it: the clerk on
/// point A's staff, the Hangzhou (330100) officer and auditor, and for the other roles an organisation in Hangzhou. "other" is the
/// same role in Ningbo (330200): a clerk of a Ningbo point, the Ningbo officer, and so on. Calls on a registration use a fresh
/// registration in the state the rpc needs, made by the provincial officer, so an allowed call never spoils the next case.
/// </remarks>
[Collection(RegistrationFixture.Collection)]
public sealed class AuthorizationMatrixTests(RegistrationFixture fixture)
{
    private const string Anonymous = "anonymous";
    private const string ServiceClient = "service";
    private const string ClerkOwn = "registration_clerk:own";
    private const string ClerkOther = "registration_clerk:other";
    private const string OfficerOwn = "registry_officer:own";
    private const string OfficerOther = "registry_officer:other";
    private const string AuditorOwn = "auditor:own";
    private const string AuditorOther = "auditor:other";

    private static readonly string[] Everyone =
    [
        Anonymous, ServiceClient,
        .. Roles.People.SelectMany(role => new[] { role + ":own", role + ":other" }),
    ];

    /// <summary>Who may call each rpc (everyone else is denied).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        // Registration points: registry officers manage points in their region; clerks, officers and auditors read them.
        ["CreateRegistrationPoint"] = [OfficerOwn],
        ["GetRegistrationPoint"] = [ClerkOwn, OfficerOwn, AuditorOwn],
        // A list is filtered to the caller's scope rather than refused: another organisation gets an empty page.
        ["ListRegistrationPoints"] = [ClerkOwn, ClerkOther, OfficerOwn, OfficerOther, AuditorOwn, AuditorOther],
        ["UpdateRegistrationPoint"] = [OfficerOwn],
        ["TransitionRegistrationPoint"] = [OfficerOwn],
        ["AssignStaff"] = [OfficerOwn],
        ["RemoveStaff"] = [OfficerOwn],
        // Registrations: entered and changed by the point's clerk (and the officer of the region); confirmed by officers only.
        ["CreateRegistration"] = [ClerkOwn, OfficerOwn],
        ["RecordWitnessing"] = [ClerkOwn, OfficerOwn],
        ["ForwardRegistration"] = [ClerkOwn, OfficerOwn],
        ["ConfirmRegistration"] = [OfficerOwn],
        ["AmendRegistration"] = [ClerkOwn, OfficerOwn],
        ["ListRegistrationVersions"] = [ClerkOwn, OfficerOwn, AuditorOwn],
        ["RevokeRegistration"] = [ClerkOwn, OfficerOwn],
        ["RecordObjection"] = [ClerkOwn, OfficerOwn],
        ["EnrollHscVolunteer"] = [ClerkOwn, OfficerOwn],
        ["GetRegistration"] = [ClerkOwn, OfficerOwn, AuditorOwn],
        // Search is filtered to the caller's scope (a name search names no organisation).
        ["SearchRegistrations"] = [ClerkOwn, ClerkOther, OfficerOwn, OfficerOther, AuditorOwn, AuditorOther],
        // The public certificate check: anyone, even without a token.
        ["VerifyCertificate"] = Everyone,
        ["ImportRegistrations"] = [ClerkOwn, OfficerOwn],
        // Statistics of Hangzhou: its officer and auditor; a clerk always gets their own point(s) only, so never a refusal.
        ["GetStatistics"] = [ClerkOwn, ClerkOther, OfficerOwn, AuditorOwn],
    };

    private static readonly SemaphoreSlim WorldLock = new(1, 1);
    private static World? _world;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var rpc in Allowed.Keys)
        {
            foreach (var caller in Everyone)
            {
                data.Add(rpc, caller);
            }
        }
        return data;
    }

    [Fact]
    public void Matrix_WhenListed_CoversEveryRpcOfTheThreeServices()
    {
        var rpcs = new[] { RegistrationPoints.Descriptor, Registrations.Descriptor, RegistrationStatistics.Descriptor }
            .SelectMany(s => s.Methods).Select(m => m.Name).Order(StringComparer.Ordinal);

        Assert.Equal(rpcs, Allowed.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rpc_WhenCalledByRoleAndOrganisation_IsAllowedOrDeniedAsTheTableSays(string rpc, string caller)
    {
        var world = await WorldAsync();
        var token = caller == Anonymous ? null : world.Tokens[caller];
        var expectAllowed = Allowed[rpc].Contains(caller);

        var status = await CallAsync(world, rpc, token);

        if (expectAllowed)
        {
            Assert.True(status is not (StatusCode.PermissionDenied or StatusCode.Unauthenticated),
                $"{rpc} by {caller}: expected allowed, got {status}.");
        }
        else
        {
            Assert.Equal(caller == Anonymous ? StatusCode.Unauthenticated : StatusCode.PermissionDenied, status);
        }
    }

    /// <summary>Calls the rpc as the caller on a fresh target; returns OK or the status code of the failure.</summary>
    private async Task<StatusCode> CallAsync(World world, string rpc, string? token)
    {
        var points = fixture.Client<RegistrationPoints.RegistrationPointsClient>(token);
        var registrations = fixture.Client<Registrations.RegistrationsClient>(token);
        var statistics = fixture.Client<RegistrationStatistics.RegistrationStatisticsClient>(token);
        var setup = fixture.Client<Registrations.RegistrationsClient>(world.ProvincialToken);
        var setupPoints = fixture.Client<RegistrationPoints.RegistrationPointsClient>(world.ProvincialToken);
        try
        {
            switch (rpc)
            {
                case "CreateRegistrationPoint":
                    await points.CreateRegistrationPointAsync(new CreateRegistrationPointRequest
                    {
                        RequestId = Guid.NewGuid().ToString(), Point = RegistrationFixture.NewPoint("330106"),
                    });
                    break;
                case "GetRegistrationPoint":
                    await points.GetRegistrationPointAsync(new GetRegistrationPointRequest { Name = world.PointA.Name });
                    break;
                case "ListRegistrationPoints":
                    await points.ListRegistrationPointsAsync(new ListRegistrationPointsRequest { RegionCode = "330106" });
                    break;
                case "UpdateRegistrationPoint":
                {
                    var point = await setupPoints.GetRegistrationPointAsync(new GetRegistrationPointRequest { Name = world.MutablePoint.Name });
                    point.DisplayName = "改名 " + Guid.NewGuid().ToString("N")[..6];
                    var mask = new Google.Protobuf.WellKnownTypes.FieldMask();
                    mask.Paths.Add("display_name");
                    await points.UpdateRegistrationPointAsync(new UpdateRegistrationPointRequest { Point = point, UpdateMask = mask });
                    break;
                }
                case "TransitionRegistrationPoint":
                {
                    var point = await setupPoints.GetRegistrationPointAsync(new GetRegistrationPointRequest { Name = world.MutablePoint.Name });
                    await points.TransitionRegistrationPointAsync(new TransitionRegistrationPointRequest
                    {
                        Name = point.Name, Etag = point.Etag, Reason = "matrix",
                        Trigger = point.Status == PointStatus.Active ? PointTrigger.Suspend : PointTrigger.Resume,
                    });
                    break;
                }
                case "AssignStaff":
                    await points.AssignStaffAsync(new AssignStaffRequest { Name = world.MutablePoint.Name, UserId = Guid.NewGuid().ToString() });
                    break;
                case "RemoveStaff":
                {
                    var user = Guid.NewGuid().ToString();
                    await setupPoints.AssignStaffAsync(new AssignStaffRequest { Name = world.MutablePoint.Name, UserId = user });
                    await points.RemoveStaffAsync(new RemoveStaffRequest { Name = world.MutablePoint.Name, UserId = user });
                    break;
                }
                case "CreateRegistration":
                    await registrations.CreateRegistrationAsync(TestPeople.NewOrganRegistration(world.PointA.Name));
                    break;
                case "RecordWitnessing":
                {
                    var draft = await setup.CreateRegistrationAsync(TestPeople.NewOrganRegistration(world.PointA.Name));
                    await registrations.RecordWitnessingAsync(new RecordWitnessingRequest { Name = draft.Name, Etag = draft.Etag, Witnessing = TestPeople.NewWitnessing() });
                    break;
                }
                case "ForwardRegistration":
                {
                    var pending = await PendingWitnessAsync(setup, world);
                    await registrations.ForwardRegistrationAsync(new ForwardRegistrationRequest { Name = pending.Name, Etag = pending.Etag });
                    break;
                }
                case "ConfirmRegistration":
                {
                    var forwarded = await ForwardedAsync(setup, world);
                    await registrations.ConfirmRegistrationAsync(new ConfirmRegistrationRequest { Name = forwarded.Name, Etag = forwarded.Etag });
                    break;
                }
                case "AmendRegistration":
                {
                    var forwarded = await ForwardedAsync(setup, world);
                    var registered = await setup.ConfirmRegistrationAsync(new ConfirmRegistrationRequest { Name = forwarded.Name, Etag = forwarded.Etag });
                    var change = registered.Clone();
                    change.Person.Phone = "13700137000";
                    var mask = new Google.Protobuf.WellKnownTypes.FieldMask();
                    mask.Paths.Add("person.phone");
                    await registrations.AmendRegistrationAsync(new AmendRegistrationRequest
                    {
                        Name = registered.Name, Etag = registered.Etag, Registration = change, UpdateMask = mask, Reason = "换号",
                    });
                    break;
                }
                case "ListRegistrationVersions":
                {
                    var draft = await setup.CreateRegistrationAsync(TestPeople.NewOrganRegistration(world.PointA.Name));
                    await registrations.ListRegistrationVersionsAsync(new ListRegistrationVersionsRequest { Name = draft.Name, Purpose = "matrix" });
                    break;
                }
                case "RevokeRegistration":
                {
                    var draft = await setup.CreateRegistrationAsync(TestPeople.NewOrganRegistration(world.PointA.Name));
                    await registrations.RevokeRegistrationAsync(new RevokeRegistrationRequest { Name = draft.Name, Etag = draft.Etag, Reason = "本人撤销" });
                    break;
                }
                case "RecordObjection":
                {
                    var draft = await setup.CreateRegistrationAsync(TestPeople.NewOrganRegistration(world.PointA.Name));
                    await registrations.RecordObjectionAsync(new RecordObjectionRequest { Name = draft.Name, Etag = draft.Etag, DocumentReference = "OBJ-1" });
                    break;
                }
                case "EnrollHscVolunteer":
                    await registrations.EnrollHscVolunteerAsync(new EnrollHscVolunteerRequest
                    {
                        RequestId = Guid.NewGuid().ToString(),
                        RegistrationPoint = world.PointA.Name,
                        Person = TestPeople.NewPerson(TestPeople.NewIdNumber(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-30))),
                        Consents = new Consents { SensitiveData = true, TransferToProvincialCentre = true },
                    });
                    break;
                case "GetRegistration":
                {
                    var draft = await setup.CreateRegistrationAsync(TestPeople.NewOrganRegistration(world.PointA.Name));
                    await registrations.GetRegistrationAsync(new GetRegistrationRequest { Name = draft.Name, Purpose = "matrix" });
                    break;
                }
                case "SearchRegistrations":
                    await registrations.SearchRegistrationsAsync(new SearchRegistrationsRequest { Purpose = "matrix", FullName = "张三" });
                    break;
                case "VerifyCertificate":
                    await registrations.VerifyCertificateAsync(new VerifyCertificateRequest { RegistrationNumber = "ZJ-330100-2026-000001-0", VerificationCode = "ABCDEFGH" });
                    break;
                case "ImportRegistrations":
                {
                    var csv = ImportCsv.Header + "\n" + ImportCsv.Row(TestPeople.NewIdNumber()) + "\n";
                    using var call = registrations.ImportRegistrations(new ImportRegistrationsRequest
                    {
                        RegistrationPoint = world.PointA.Name, FileName = "matrix.csv",
                        Csv = Google.Protobuf.ByteString.CopyFrom(Encoding.UTF8.GetBytes(csv)),
                    });
                    while (await call.ResponseStream.MoveNext(CancellationToken.None))
                    {
                    }
                    break;
                }
                case "GetStatistics":
                    await statistics.GetStatisticsAsync(new GetStatisticsRequest { RegionCode = "330100", Level = RegionLevel.City });
                    break;
                default:
                    throw new InvalidOperationException("No call written for " + rpc);
            }
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private static async Task<V1.Registration> PendingWitnessAsync(Registrations.RegistrationsClient setup, World world)
    {
        var draft = await setup.CreateRegistrationAsync(TestPeople.NewOrganRegistration(world.PointA.Name));
        return await setup.RecordWitnessingAsync(new RecordWitnessingRequest { Name = draft.Name, Etag = draft.Etag, Witnessing = TestPeople.NewWitnessing() });
    }

    private static async Task<V1.Registration> ForwardedAsync(Registrations.RegistrationsClient setup, World world)
    {
        var pending = await PendingWitnessAsync(setup, world);
        return await setup.ForwardRegistrationAsync(new ForwardRegistrationRequest { Name = pending.Name, Etag = pending.Etag });
    }

    /// <summary>The points and one token per caller, made once for all cases of this class.</summary>
    private async Task<World> WorldAsync()
    {
        await WorldLock.WaitAsync();
        try
        {
            if (_world is { } existing && existing.Fixture == fixture)
            {
                return existing;
            }
            var pointA = await fixture.CreateActivePointAsync("330106");
            var pointB = await fixture.CreateActivePointAsync("330203");
            var mutable = await fixture.CreateActivePointAsync("330106");
            var tokens = new Dictionary<string, string>
            {
                [ServiceClient] = await fixture.Identity.ClientTokenAsync("registration", IdentityServer.ClientSecrets["registration"], Scopes.Registration),
                [ClerkOwn] = pointA.ClerkToken,
                [ClerkOther] = pointB.ClerkToken,
                [OfficerOwn] = await fixture.OfficerTokenAsync("330100"),
                [OfficerOther] = await fixture.OfficerTokenAsync("330200"),
                [AuditorOwn] = await fixture.AuditorTokenAsync("330100"),
                [AuditorOther] = await fixture.AuditorTokenAsync("330200"),
            };
            foreach (var role in Roles.People.Except([Roles.RegistrationClerk, Roles.RegistryOfficer, Roles.Auditor]))
            {
                tokens[role + ":own"] = await fixture.TokenForRoleAsync(role, "ORG-330100", "330100", "city");
                tokens[role + ":other"] = await fixture.TokenForRoleAsync(role, "ORG-330200", "330200", "city");
            }
            _world = new World(fixture, pointA, pointB, mutable, await fixture.ProvincialOfficerTokenAsync(), tokens);
            return _world;
        }
        finally
        {
            WorldLock.Release();
        }
    }

    private sealed record World(RegistrationFixture Fixture, TestPoint PointA, TestPoint PointB, TestPoint MutablePoint, string ProvincialToken,
        IReadOnlyDictionary<string, string> Tokens);
}
