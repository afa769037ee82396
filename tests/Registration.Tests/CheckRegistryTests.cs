using DonationRegistry.Common;
using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Identity;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Xunit;
using AuditEntry = DonationRegistry.Common.Auditing.AuditEntry;

namespace DonationRegistry.Registration.Tests;

/// <summary>
/// The service-to-service registry check (Registry.CheckRegistry, used by OrganCoordination): a service client with the
/// registration scope gets REGISTERED / OBJECTION / NONE and nothing else; people of every role are refused; bad input names the
/// field; every check is audited.
/// </summary>
[Collection(RegistrationFixture.Collection)]
public sealed class CheckRegistryTests(RegistrationFixture fixture)
{
    private const string Purpose = "organ case organCases/test";
    private readonly RegistrationSteps _steps = new(fixture);

    private async Task<V1.Registry.RegistryClient> ServiceAsync(string clientId = "organcoordination", params string[] scopes) =>
        fixture.Client<V1.Registry.RegistryClient>(await fixture.Identity.ClientTokenAsync(clientId, IdentityServer.ClientSecrets[clientId],
            scopes.Length == 0 ? [Scopes.Registration] : scopes));

    private static CheckRegistryRequest Ask(string idNumber, Programme programme = Programme.Unspecified) => new()
    {
        IdType = IdType.ResidentId, IdNumber = idNumber, Programme = programme, Purpose = Purpose,
    };

    [Fact]
    public async Task CheckRegistry_WhenConfirmedRegistration_AnswersRegisteredWithNameProgrammeAndScopeOnly()
    {
        var point = await fixture.CreateActivePointAsync();
        var id = TestPeople.NewIdNumber();
        var registration = await _steps.RegisteredAsync(point, TestPeople.NewOrganRegistration(point.Name, TestPeople.NewPerson(id)));

        var answer = await (await ServiceAsync()).CheckRegistryAsync(Ask(id, Programme.Organ));

        Assert.Equal(RegistryAnswer.Registered, answer.Answer);
        var entry = Assert.Single(answer.Entries);
        Assert.Equal(registration.Name, entry.Name);
        Assert.Equal(Programme.Organ, entry.Programme);
        Assert.Equal(registration.Scope, entry.Scope);
        Assert.Equal(RegistryAnswer.Registered, entry.Answer);
    }

    [Fact]
    public async Task CheckRegistry_WhenObjectionRecorded_AnswersObjection()
    {
        var point = await fixture.CreateActivePointAsync();
        var id = TestPeople.NewIdNumber();
        var registered = await _steps.RegisteredAsync(point, TestPeople.NewOrganRegistration(point.Name, TestPeople.NewPerson(id)));
        await _steps.Clerk(point).RecordObjectionAsync(new RecordObjectionRequest { Name = registered.Name, DocumentReference = "OBJ-1", Etag = registered.Etag });

        var answer = await (await ServiceAsync()).CheckRegistryAsync(Ask(id));

        Assert.Equal(RegistryAnswer.Objection, answer.Answer);
        Assert.Equal(RegistryAnswer.Objection, Assert.Single(answer.Entries).Answer);
        Assert.Empty(answer.Entries[0].Scope);
    }

    [Theory]
    [InlineData(RegistrationStatus.Draft)]
    [InlineData(RegistrationStatus.Forwarded)]
    [InlineData(RegistrationStatus.Revoked)]
    public async Task CheckRegistry_WhenOnlyAnUnconfirmedOrRevokedRegistration_AnswersNone(RegistrationStatus status)
    {
        var point = await fixture.CreateActivePointAsync();
        var number = TestPeople.NewIdNumber();
        var request = TestPeople.NewOrganRegistration(point.Name, TestPeople.NewPerson(number));
        if (status == RegistrationStatus.Draft)
        {
            await _steps.DraftAsync(point, request);
        }
        else if (status == RegistrationStatus.Forwarded)
        {
            await _steps.ForwardedAsync(point, request);
        }
        else
        {
            var registered = await _steps.RegisteredAsync(point, request);
            await _steps.Clerk(point).RevokeRegistrationAsync(new RevokeRegistrationRequest { Name = registered.Name, Reason = "changed mind", Etag = registered.Etag });
        }

        var answer = await (await ServiceAsync()).CheckRegistryAsync(Ask(number));

        Assert.Equal(RegistryAnswer.None, answer.Answer);
        Assert.Empty(answer.Entries);
    }

    [Fact]
    public async Task CheckRegistry_WhenAnotherProgrammeIsAsked_IgnoresTheRegistration()
    {
        var point = await fixture.CreateActivePointAsync();
        var id = TestPeople.NewIdNumber();
        await _steps.RegisteredAsync(point, TestPeople.NewOrganRegistration(point.Name, TestPeople.NewPerson(id)));

        var answer = await (await ServiceAsync()).CheckRegistryAsync(Ask(id, Programme.BodyAndTissue));

        Assert.Equal(RegistryAnswer.None, answer.Answer);
    }

    [Fact]
    public async Task CheckRegistry_WhenAsked_WritesAnAuditRowPerRegistrationFoundForTheServiceCaller()
    {
        var point = await fixture.CreateActivePointAsync();
        var id = TestPeople.NewIdNumber();
        var registration = await _steps.RegisteredAsync(point, TestPeople.NewOrganRegistration(point.Name, TestPeople.NewPerson(id)));
        var registrationId = Guid.Parse(registration.Name["registrations/".Length..]);

        await (await ServiceAsync()).CheckRegistryAsync(Ask(id));

        var rows = await fixture.WithDbAsync(db => db.Set<AuditEntry>()
            .Where(a => a.SubjectId == registrationId && a.Operation == "CheckRegistry").ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal("organcoordination", row.ActorUserId);
        Assert.Equal(Roles.Service, row.ActorRole);
        Assert.Equal(Purpose, row.Purpose);
    }

    public static TheoryData<string> People() => [.. Roles.People];

    [Theory]
    [MemberData(nameof(People))]
    public async Task CheckRegistry_WhenCalledByAPerson_IsPermissionDenied(string role)
    {
        var token = await fixture.TokenForRoleAsync(role, "ORG-330100", "330100", "city");
        var client = fixture.Client<V1.Registry.RegistryClient>(token);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await client.CheckRegistryAsync(Ask(TestPeople.NewIdNumber())));
    }

    [Fact]
    public async Task CheckRegistry_WhenTheServiceTokenLacksTheRegistrationScope_IsRefused()
    {
        var client = await ServiceAsync("familycare", Scopes.Organ);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.CheckRegistryAsync(Ask(TestPeople.NewIdNumber())));

        Assert.Contains(ex.StatusCode, new[] { StatusCode.PermissionDenied, StatusCode.Unauthenticated });
    }

    [Fact]
    public async Task CheckRegistry_WithoutAToken_IsUnauthenticated() =>
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, async () =>
            await fixture.Client<V1.Registry.RegistryClient>(null).CheckRegistryAsync(Ask(TestPeople.NewIdNumber())));

    [Theory]
    [InlineData(IdType.ResidentId, "330106199001011234", Purpose, "id_number")]
    [InlineData(IdType.ResidentId, "", Purpose, "id_number")]
    [InlineData(IdType.Unspecified, "330106199001011234", Purpose, "id_type")]
    [InlineData(IdType.Passport, "X", Purpose, "id_number")]
    [InlineData(IdType.ResidentId, null, "", "purpose")]
    public async Task CheckRegistry_WithBadInput_IsInvalidArgumentNamingTheField(IdType type, string? number, string purpose, string field)
    {
        var client = await ServiceAsync();

        await RpcAssert.InvalidAsync(field, async () => await client.CheckRegistryAsync(new CheckRegistryRequest
        {
            IdType = type, IdNumber = number ?? TestPeople.NewIdNumber(), Purpose = purpose,
        }));
    }
}
