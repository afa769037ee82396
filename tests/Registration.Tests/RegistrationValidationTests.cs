extern alias registration;

using System.Globalization;
using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Xunit;
using ResidentIdNumber = DonationRegistry.Common.PersonalData.ResidentIdNumber;
using DonationRegistry.TestSupport.Security;

namespace DonationRegistry.Registration.Tests;

/// <summary>
/// A table of bad inputs, each sent through the API: every one must give INVALID_ARGUMENT with a violation on the right field path,
/// and write nothing (row counts of every table the rpcs write are compared before and after).
/// </summary>
[Collection(RegistrationFixture.Collection)]
public sealed class RegistrationValidationTests(RegistrationFixture fixture)
{
    private static readonly SemaphoreSlim WorldLock = new(1, 1);
    private static World? _world;

    /// <summary>Prepared once: points in each state, a draft and a registered registration, clients.</summary>
    private sealed record World(
        TestPoint Active, TestPoint NoRegistrationService, V1.RegistrationPoint Closed, V1.RegistrationPoint Suspended,
        Registrations.RegistrationsClient Clerk, Registrations.RegistrationsClient Officer, RegistrationPoints.RegistrationPointsClient PointsOfficer,
        V1.Registration Draft, V1.Registration Registered);

    /// <summary>Every table an rpc of the service writes.</summary>
    private static readonly string[] Tables =
    [
        "registrations", "registration_timeline", "registration_versions", "registration_witnesses", "hsc_enrolments", "audit_log",
        "outbox_messages", "statistics_days", "registration_points", "registration_point_history", "registration_number_counters",
    ];

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static string IdNumberOf(string first17) => first17 + ResidentIdNumber.CheckCharacterOf(first17);

    private static string BirthOn(DateOnly day) => IdNumberOf("330106" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "123");

    /// <summary>Case name → (the call with one bad input, the field path expected among the violations).</summary>
    private static readonly Dictionary<string, (Func<World, Task> Call, string Field)> Cases = new()
    {
        ["bad checksum"] = (w => Create(w, r => r.Registration.Person.IdNumber = TestIdNumbers.WithWrongCheckCharacter(TestPeople.NewIdNumber())), "registration.person.id_number"),
        ["impossible date (30 Feb)"] = (w => Create(w, r => r.Registration.Person.IdNumber = IdNumberOf("33010619900230123")), "registration.person.id_number"),
        ["future birth date"] = (w => Create(w, r => r.Registration.Person.IdNumber = BirthOn(Today.AddYears(1))), "registration.person.id_number"),
        ["id number too short"] = (w => Create(w, r => r.Registration.Person.IdNumber = "33010619850312"), "registration.person.id_number"),
        ["letters in id number"] = (w => Create(w, r => r.Registration.Person.IdNumber = "3301061985A312123X"), "registration.person.id_number"),
        ["under 18"] = (w => Create(w, r => r.Registration.Person.IdNumber = BirthOn(Today.AddYears(-17))), "registration.person.birth_date"),
        ["empty name"] = (w => Create(w, r => r.Registration.Person.FullName = "  "), "registration.person.full_name"),
        ["digits in name"] = (w => Create(w, r => r.Registration.Person.FullName = "张3"), "registration.person.full_name"),
        ["overlong name"] = (w => Create(w, r => r.Registration.Person.FullName = new string('张', 51)), "registration.person.full_name"),
        ["overlong address"] = (w => Create(w, r => r.Registration.Person.Address = new string('路', 201)), "registration.person.address"),
        ["bad phone"] = (w => Create(w, r => r.Registration.Person.Phone = "12345"), "registration.person.phone"),
        ["landline as mobile"] = (w => Create(w, r => r.Registration.Person.Phone = "0571-88889999"), "registration.person.phone"),
        ["unknown scope"] = (w => Create(w, r => r.Registration.Scope.Add((DonationScope)99)), "registration.scope"),
        ["scope outside programme"] = (w => Create(w, r => r.Registration.Scope.Add(DonationScope.Cornea)), "registration.scope"),
        ["empty scope"] = (w => Create(w, r => r.Registration.Scope.Clear()), "registration.scope"),
        ["no programme"] = (w => Create(w, r => r.Registration.Programme = Programme.Unspecified), "registration.programme"),
        ["no channel"] = (w => Create(w, r => r.Registration.Channel = Channel.Unspecified), "registration.channel"),
        ["body without executor"] = (w => CreateBody(w, r => r.Registration.Executor = null), "registration.executor"),
        ["executor without kind"] = (w => CreateBody(w, r => r.Registration.Executor.Kind = ExecutorKind.Unspecified), "registration.executor.kind"),
        ["executor bad phone"] = (w => CreateBody(w, r => r.Registration.Executor.Phone = "abc"), "registration.executor.phone"),
        ["contact without name"] = (w => Create(w, r => r.Registration.NotificationContact.FullName = ""), "registration.notification_contact.full_name"),
        ["contact bad phone"] = (w => Create(w, r => r.Registration.NotificationContact.Phone = "999"), "registration.notification_contact.phone"),
        ["missing sensitive-data consent"] = (w => Create(w, r => r.Registration.Consents.SensitiveData = false), "registration.consents.sensitive_data"),
        ["missing transfer consent"] = (w => Create(w, r => r.Registration.Consents.TransferToProvincialCentre = false), "registration.consents.transfer_to_provincial_centre"),
        ["unknown id type"] = (w => Create(w, r => r.Registration.Person.IdType = IdType.Unspecified), "registration.person.id_type"),
        ["passport format"] = (w => Create(w, r => Passport(r, "A1", "1980-01-01")), "registration.person.id_number"),
        ["passport without birth date"] = (w => Create(w, r => Passport(r, "E12345678", "")), "registration.person.birth_date"),
        ["passport birth date not a date"] = (w => Create(w, r => Passport(r, "E12345678", "1980/01/01")), "registration.person.birth_date"),
        ["passport holder under 18"] = (w => Create(w, r => Passport(r, "E12345678", Today.AddYears(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))), "registration.person.birth_date"),
        ["hong kong permit format"] = (w => Create(w, r => { Passport(r, "X1234", "1980-01-01"); r.Registration.Person.IdType = IdType.HongKongMacauPermit; }), "registration.person.id_number"),
        ["taiwan permit format"] = (w => Create(w, r => { Passport(r, "1234", "1980-01-01"); r.Registration.Person.IdType = IdType.TaiwanPermit; }), "registration.person.id_number"),
        ["birth date differs from id number"] = (w => Create(w, r => r.Registration.Person.BirthDate = "1970-01-01"), "registration.person.birth_date"),
        ["sex differs from id number"] = (w => Create(w, r => r.Registration.Person.Sex = Sex.Female), "registration.person.sex"),
        ["closed point"] = (w => Create(w, r => r.Registration.RegistrationPoint = w.Closed.Name, officer: true), "registration.registration_point"),
        ["suspended point"] = (w => Create(w, r => r.Registration.RegistrationPoint = w.Suspended.Name, officer: true), "registration.registration_point"),
        ["point without registration service"] = (w => Create(w, r => r.Registration.RegistrationPoint = w.NoRegistrationService.Name, officer: true), "registration.registration_point"),
        ["no point"] = (w => Create(w, r => r.Registration.RegistrationPoint = "", officer: true), "registration.registration_point"),
        ["request id not a uuid"] = (w => Create(w, r => r.RequestId = "abc"), "request_id"),
        ["hsc over 45"] = (w => Hsc(w, BirthOn(Today.AddYears(-46))), "person.birth_date"),
        ["hsc under 18"] = (w => Hsc(w, BirthOn(Today.AddYears(-17))), "person.birth_date"),
        ["hsc bad checksum"] = (w => Hsc(w, TestIdNumbers.WithWrongCheckCharacter(TestPeople.NewIdNumber())), "person.id_number"),
        ["three witnesses"] = (w => Witness(w, x => x.Witnesses.Add(TestPeople.NewWitnessing(3).Witnesses)), "witnessing.witnesses"),
        ["bad letter hash"] = (w => Witness(w, x => x.LetterSha256 = "not-a-hash"), "witnessing.letter_sha256"),
        ["short letter hash"] = (w => Witness(w, x => x.LetterSha256 = new string('a', 63)), "witnessing.letter_sha256"),
        ["witness bad id number"] = (w => Witness(w, x => x.Witnesses.Add(new V1.Witness { FullName = "王五", Relation = "朋友", IdType = IdType.ResidentId, IdNumber = "123" })), "witnessing.witnesses[0].id_number"),
        ["witness without name"] = (w => Witness(w, x => x.Witnesses.Add(new V1.Witness { Relation = "朋友", IdType = IdType.ResidentId, IdNumber = TestPeople.NewIdNumber() })), "witnessing.witnesses[0].full_name"),
        ["no witnessing"] = (w => w.Clerk.RecordWitnessingAsync(new RecordWitnessingRequest { Name = w.Draft.Name, Etag = w.Draft.Etag }).ResponseAsync, "witnessing"),
        ["missing etag"] = (w => w.Clerk.ForwardRegistrationAsync(new ForwardRegistrationRequest { Name = w.Draft.Name }).ResponseAsync, "etag"),
        ["bad registration name"] = (w => w.Clerk.ForwardRegistrationAsync(new ForwardRegistrationRequest { Name = "registrations/xyz", Etag = "1" }).ResponseAsync, "name"),
        ["amend bad phone"] = (w => Amend(w, "person.phone", new V1.Registration { Person = new Person { Phone = "123" } }), "registration.person.phone"),
        ["amend scope outside programme"] = (w => Amend(w, "scope", new V1.Registration { Scope = { DonationScope.Body } }), "registration.scope"),
        ["amend unknown field"] = (w => Amend(w, "person.full_name", new V1.Registration { Person = new Person { FullName = "李四" } }), "update_mask"),
        ["amend empty mask"] = (w => w.Clerk.AmendRegistrationAsync(new AmendRegistrationRequest { Name = w.Registered.Name, Registration = new V1.Registration(), Etag = w.Registered.Etag }).ResponseAsync, "update_mask"),
        ["revoke without reason"] = (w => w.Clerk.RevokeRegistrationAsync(new RevokeRegistrationRequest { Name = w.Registered.Name, Etag = w.Registered.Etag }).ResponseAsync, "reason"),
        ["objection without document"] = (w => w.Clerk.RecordObjectionAsync(new RecordObjectionRequest { Name = w.Registered.Name, Etag = w.Registered.Etag }).ResponseAsync, "document_reference"),
        ["get without purpose"] = (w => w.Clerk.GetRegistrationAsync(new GetRegistrationRequest { Name = w.Registered.Name }).ResponseAsync, "purpose"),
        ["versions without purpose"] = (w => w.Clerk.ListRegistrationVersionsAsync(new ListRegistrationVersionsRequest { Name = w.Registered.Name }).ResponseAsync, "purpose"),
        ["search without purpose"] = (w => w.Clerk.SearchRegistrationsAsync(new SearchRegistrationsRequest { FullName = "张" }).ResponseAsync, "purpose"),
        ["search bad date"] = (w => w.Clerk.SearchRegistrationsAsync(new SearchRegistrationsRequest { Purpose = "p", CreatedFrom = "2026-13-01" }).ResponseAsync, "created_from"),
        ["search id number without type"] = (w => w.Clerk.SearchRegistrationsAsync(new SearchRegistrationsRequest { Purpose = "p", IdNumber = TestPeople.NewIdNumber() }).ResponseAsync, "id_type"),
        ["search bad page token"] = (w => w.Clerk.SearchRegistrationsAsync(new SearchRegistrationsRequest { Purpose = "p", PageToken = "!!" }).ResponseAsync, "page_token"),
        ["point bad region"] = (w => w.PointsOfficer.CreateRegistrationPointAsync(new CreateRegistrationPointRequest { RequestId = Guid.NewGuid().ToString(), Point = RegistrationFixture.NewPoint("339999") }).ResponseAsync, "point.region_code"),
        ["point bad phone"] = (w => w.PointsOfficer.CreateRegistrationPointAsync(new CreateRegistrationPointRequest { RequestId = Guid.NewGuid().ToString(), Point = WithPhone(RegistrationFixture.NewPoint(), "12") }).ResponseAsync, "point.contact_phone"),
        ["point transition without trigger"] = (w => w.PointsOfficer.TransitionRegistrationPointAsync(new TransitionRegistrationPointRequest { Name = w.Active.Name, Etag = "1" }).ResponseAsync, "trigger"),
        ["list points bad page size"] = (w => w.PointsOfficer.ListRegistrationPointsAsync(new ListRegistrationPointsRequest { PageSize = -1 }).ResponseAsync, "page_size"),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Fact]
    public void Table_HasAtLeastThirtyCases() => Assert.True(Cases.Count >= 30);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Rpc_WhenInputBad_ReturnsInvalidArgumentOnFieldAndWritesNothing(string caseName)
    {
        var world = await WorldAsync();
        var (call, field) = Cases[caseName];
        var before = await RowCountsAsync();

        await RpcAssert.InvalidAsync(field, () => call(world));

        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task CreateRegistration_WhenManyFieldsBad_ReportsEveryOneAtOnce()
    {
        var world = await WorldAsync();

        var fields = await RpcAssert.InvalidAsync("registration.person.full_name", () => Create(world, r =>
        {
            r.Registration.Person.FullName = "";
            r.Registration.Person.Phone = "1";
            r.Registration.Scope.Clear();
            r.Registration.Consents = null;
        }));

        Assert.Contains("registration.person.phone", fields);
        Assert.Contains("registration.scope", fields);
        Assert.Contains("registration.consents.sensitive_data", fields);
        Assert.Contains("registration.consents.transfer_to_provincial_centre", fields);
    }

    private async Task<string> RowCountsAsync() => await fixture.WithDbAsync(async db =>
    {
        var counts = new List<long>();
        foreach (var table in Tables)
        {
#pragma warning disable EF1002 // table names from the constant list above
            counts.Add((await db.Database.SqlQueryRaw<long>($"SELECT count(*) AS \"Value\" FROM {table}").ToListAsync()).Single());
#pragma warning restore EF1002
        }
        return string.Join(",", counts);
    });

    private async Task<World> WorldAsync()
    {
        await WorldLock.WaitAsync();
        try
        {
            if (_world is not null)
            {
                return _world;
            }
            var active = await fixture.CreateActivePointAsync("330106");
            var consultationOnly = await fixture.CreateActivePointAsync("330106", PointService.Consultation);
            var pointsOfficer = fixture.Client<RegistrationPoints.RegistrationPointsClient>(await fixture.ProvincialOfficerTokenAsync());
            var closed = (await fixture.CreateActivePointAsync("330106")).Point;
            closed = await pointsOfficer.TransitionRegistrationPointAsync(new TransitionRegistrationPointRequest
            {
                Name = closed.Name, Trigger = PointTrigger.Close, Reason = "closed", Etag = closed.Etag,
            });
            var suspended = (await fixture.CreateActivePointAsync("330106")).Point;
            suspended = await pointsOfficer.TransitionRegistrationPointAsync(new TransitionRegistrationPointRequest
            {
                Name = suspended.Name, Trigger = PointTrigger.Suspend, Reason = "holiday", Etag = suspended.Etag,
            });
            var steps = new RegistrationSteps(fixture);
            _world = new World(active, consultationOnly, closed, suspended, steps.Clerk(active),
                fixture.Client<Registrations.RegistrationsClient>(await fixture.ProvincialOfficerTokenAsync()), pointsOfficer,
                await steps.DraftAsync(active), await steps.RegisteredAsync(active));
            return _world;
        }
        finally
        {
            WorldLock.Release();
        }
    }

    private static Task<V1.Registration> Create(World w, Action<CreateRegistrationRequest> spoil, bool officer = false)
    {
        var request = TestPeople.NewOrganRegistration(w.Active.Name);
        spoil(request);
        return (officer ? w.Officer : w.Clerk).CreateRegistrationAsync(request).ResponseAsync;
    }

    private static Task<V1.Registration> CreateBody(World w, Action<CreateRegistrationRequest> spoil)
    {
        var request = TestPeople.NewBodyRegistration(w.Active.Name);
        spoil(request);
        return w.Clerk.CreateRegistrationAsync(request).ResponseAsync;
    }

    private static Task<HscEnrolment> Hsc(World w, string idNumber) => w.Clerk.EnrollHscVolunteerAsync(new EnrollHscVolunteerRequest
    {
        RequestId = Guid.NewGuid().ToString(), RegistrationPoint = w.Active.Name, Person = TestPeople.NewPerson(idNumber),
        Consents = new Consents { SensitiveData = true, TransferToProvincialCentre = true },
    }).ResponseAsync;

    private static Task<V1.Registration> Witness(World w, Action<Witnessing> spoil)
    {
        var witnessing = TestPeople.NewWitnessing(0);
        spoil(witnessing);
        return w.Clerk.RecordWitnessingAsync(new RecordWitnessingRequest { Name = w.Draft.Name, Witnessing = witnessing, Etag = w.Draft.Etag }).ResponseAsync;
    }

    private static Task<V1.Registration> Amend(World w, string path, V1.Registration values) => w.Clerk.AmendRegistrationAsync(new AmendRegistrationRequest
    {
        Name = w.Registered.Name, Registration = values, UpdateMask = new FieldMask { Paths = { path } }, Etag = w.Registered.Etag,
    }).ResponseAsync;

    private static void Passport(CreateRegistrationRequest r, string number, string birthDate)
    {
        r.Registration.Person.IdType = IdType.Passport;
        r.Registration.Person.IdNumber = number;
        r.Registration.Person.BirthDate = birthDate;
    }

    private static V1.RegistrationPoint WithPhone(V1.RegistrationPoint point, string phone)
    {
        point.ContactPhone = phone;
        return point;
    }

}
