using System.Text.Json;
using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;
using Reg = DonationRegistry.Registration.V1;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// Organ cases through gRPC on the real database and broker with real tokens, the Registration service running beside: a full case
/// ending with OrganDonationCompleted on the broker and the registration Realised; the registry check finding an objection; the
/// registry down (UNAVAILABLE, case unchanged, retry succeeds); illegal steps (FAILED_PRECONDITION).
/// </summary>
[Collection(OrganFixture.Collection)]
public sealed class OrganCaseFlowTests(OrganFixture fixture)
{
    private readonly CaseSteps _steps = new(fixture);

    [Fact]
    public async Task CompleteOrganCase_WhenWalkedByCoordinatorOfficerAndWitnesses_PublishesCompletionAndRealisesTheRegistration()
    {
        await using var tap = await BrokerTap.StartAsync(fixture.BrokerConnectionString, "OrganDonationCompleted", "RegistrantDeceased", "DonationOutcomeRecorded");
        var idNumber = People.NewIdNumber();
        var registration = await fixture.RegisteredVolunteerAsync(idNumber);

        var completed = await _steps.InStateAsync(OrganCaseState.Completed, idNumber);

        Assert.Equal(RegistryAnswer.Registered, completed.RegistryCheck.Answer);
        Assert.Equal(registration, completed.RegistryCheck.Registration);
        Assert.Equal("CERT-1", completed.CertificateNumber);
        Assert.Equal("COTRS-1", completed.CotrsDonorId);
        Assert.Equal(2, completed.Witnesses.Count);
        Assert.Equal(OrganOutcomeKind.Transplanted, completed.Outcomes.Single(o => o.Organ == Organ.Liver).Kind);
        Assert.Empty(completed.AllowedActions);
        Assert.DoesNotContain(idNumber, completed.ToString(), StringComparison.Ordinal);
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(tap.Received("OrganDonationCompleted")
            .Any(body => body.Contains(completed.Name["organCases/".Length..], StringComparison.Ordinal)))), "OrganDonationCompleted not on the broker");
        var envelope = tap.Received("OrganDonationCompleted").First(b => b.Contains(completed.Name["organCases/".Length..], StringComparison.Ordinal));
        using (var json = JsonDocument.Parse(envelope))
        {
            var message = json.RootElement.GetProperty("message");
            Assert.Equal(completed.FamilyReference, message.GetProperty("familyReference").GetString());
            Assert.Equal(OrganFixture.Region, message.GetProperty("regionCode").GetString());
            Assert.True(message.GetProperty("familyCareContactConsent").GetBoolean());
        }
        Assert.DoesNotContain(idNumber, envelope, StringComparison.Ordinal);
        Assert.True(await Eventually.HoldsAsync(async () => await fixture.RegistrationStatusAsync(registration) == Reg.RegistrationStatus.Realised),
            $"registration {registration} did not become Realised");
    }

    [Fact]
    public async Task CheckRegistry_WhenAnObjectionIsRecorded_ClosesTheCaseForPriorObjection()
    {
        var idNumber = People.NewIdNumber();
        await fixture.RegisteredVolunteerAsync(idNumber, objection: true);
        var c = await _steps.ReferAsync(idNumber);

        c = await (await _steps.CoordinatorAsync()).CheckRegistryAsync(new CheckRegistryRequest { Name = c.Name, Etag = c.Etag });

        Assert.Equal(OrganCaseState.Closed, c.State);
        Assert.Equal(ClosureReason.PriorObjection, c.ClosureReason);
        Assert.Equal(RegistryAnswer.Objection, c.RegistryCheck.Answer);
        Assert.Empty(c.AllowedActions);
    }

    [Fact]
    public async Task CheckRegistry_WhenNothingIsRecorded_MovesToRegistryCheckedOnly()
    {
        var c = await _steps.ReferAsync();

        c = await (await _steps.CoordinatorAsync()).CheckRegistryAsync(new CheckRegistryRequest { Name = c.Name, Etag = c.Etag });

        Assert.Equal(OrganCaseState.RegistryChecked, c.State);
        Assert.Equal(RegistryAnswer.None, c.RegistryCheck.Answer);
        Assert.Equal(["StartEvaluation", "CloseNotProgressed"], c.AllowedActions);
    }

    [Fact]
    public async Task CheckRegistry_WhenTheRegistrationServiceIsDown_IsUnavailableLeavesTheCaseUnchangedAndSucceedsOnRetry()
    {
        var idNumber = People.NewIdNumber();
        var registration = await fixture.RegisteredVolunteerAsync(idNumber);
        var c = await _steps.ReferAsync(idNumber);
        var client = await _steps.CoordinatorAsync();

        fixture.Gate.Down = true;
        RpcException refused;
        try
        {
            refused = await RpcAssert.FailsAsync(StatusCode.Unavailable,
                async () => await client.CheckRegistryAsync(new CheckRegistryRequest { Name = c.Name, Etag = c.Etag }));
        }
        finally
        {
            fixture.Gate.Down = false;
        }

        Assert.Contains("registry", refused.Status.Detail, StringComparison.OrdinalIgnoreCase);
        var unchanged = await client.GetOrganCaseAsync(new GetOrganCaseRequest { Name = c.Name, Purpose = CaseSteps.Purpose });
        Assert.Equal(OrganCaseState.Referred, unchanged.State);
        Assert.Equal(c.Etag, unchanged.Etag);
        Assert.Single(unchanged.Timeline);
        var retried = await client.CheckRegistryAsync(new CheckRegistryRequest { Name = c.Name, Etag = c.Etag });
        Assert.Equal(OrganCaseState.RegistryChecked, retried.State);
        Assert.Equal(registration, retried.RegistryCheck.Registration);
    }

    public static TheoryData<OrganCaseState, string> IllegalSteps() => new()
    {
        { OrganCaseState.Referred, "SignConsent" },
        { OrganCaseState.RegistryChecked, "ApproachFamily" },
        { OrganCaseState.FamilyApproach, "DeclareDeath" },
        { OrganCaseState.EthicsReview, "StartProcurement" },
        { OrganCaseState.RegistryChecked, "CheckRegistry" },
    };

    [Theory]
    [MemberData(nameof(IllegalSteps))]
    public async Task Step_WhenNotAllowedInTheCurrentState_IsFailedPreconditionNamingTheState(OrganCaseState state, string step)
    {
        var c = await _steps.InStateAsync(state);
        var client = await _steps.CoordinatorAsync();
        Func<Task> call = step switch
        {
            "SignConsent" => async () => await client.SignConsentAsync(new SignConsentRequest { Name = c.Name, Etag = c.Etag, Consent = CaseSteps.Consent() }),
            "ApproachFamily" => async () => await client.ApproachFamilyAsync(new OrganCaseStepRequest { Name = c.Name, Etag = c.Etag }),
            "DeclareDeath" => async () => await client.DeclareDeathAsync(new DeclareDeathRequest
            {
                Name = c.Name, Etag = c.Etag,
                Death = new DeathDeclaration { Category = DeathCategory.BrainDeath, DeathTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow), DeterminingPhysicians = { "dr-a" }, DocumentReference = "DD" },
            }),
            "StartProcurement" => async () => await client.StartProcurementAsync(new StartProcurementRequest { Name = c.Name, Etag = c.Etag, Organs = { Organ.Liver }, Team = { "s" } }),
            _ => async () => await client.CheckRegistryAsync(new CheckRegistryRequest { Name = c.Name, Etag = c.Etag }),
        };

        await RpcAssert.IllegalAsync(state.ToString() switch
        {
            "RegistryChecked" => "RegistryChecked",
            "FamilyApproach" => "FamilyApproach",
            "EthicsReview" => "EthicsReview",
            _ => "Referred",
        }, call);
        var after = await client.GetOrganCaseAsync(new GetOrganCaseRequest { Name = c.Name, Purpose = CaseSteps.Purpose });
        Assert.Equal(c.Etag, after.Etag);
    }

    [Fact]
    public async Task AssignWitnesses_WhenACredentialIsSuspendedOrTheSamePersonTwice_IsRefusedWithAClearMessage()
    {
        var c = await _steps.InStateAsync(OrganCaseState.DeathDeclared);
        var officer = fixture.Cases(await fixture.ProvincialOfficerTokenAsync());
        var first = await fixture.CertifiedCoordinatorAsync();
        var suspended = await fixture.CertifiedCoordinatorAsync();
        var credentials = fixture.Credentials(await fixture.ProvincialOfficerTokenAsync());
        var found = await fixture.WithOrganDbAsync(db => Task.FromResult(db.Credentials.Single(x => x.Number == suspended.Number)));
        var credential = await credentials.GetCredentialAsync(new GetCredentialRequest { Name = "credentials/" + found.Id });
        await credentials.SuspendCredentialAsync(new SuspendCredentialRequest { Name = credential.Name, Etag = credential.Etag, Reason = "complaint" });

        var fields = await RpcAssert.InvalidAsync("witnesses[1]", async () => await officer.AssignWitnessesAsync(new AssignWitnessesRequest
        {
            Name = c.Name, Etag = c.Etag, CredentialNumbers = { first.Number, suspended.Number },
        }));
        await RpcAssert.InvalidAsync("witnesses", async () => await officer.AssignWitnessesAsync(new AssignWitnessesRequest
        {
            Name = c.Name, Etag = c.Etag, CredentialNumbers = { first.Number, first.Number },
        }));

        Assert.Single(fields);
        var after = await officer.GetOrganCaseAsync(new GetOrganCaseRequest { Name = c.Name, Purpose = CaseSteps.Purpose });
        Assert.Equal(OrganCaseState.DeathDeclared, after.State);
    }

    [Fact]
    public async Task StartProcurement_WhenAPhysicianWhoDeterminedDeathIsOnTheTeam_IsRefused()
    {
        var c = await _steps.InStateAsync(OrganCaseState.AllocationRunning);
        var client = await _steps.CoordinatorAsync();

        await RpcAssert.InvalidAsync("procurement.team", async () => await client.StartProcurementAsync(new StartProcurementRequest
        {
            Name = c.Name, Etag = c.Etag, Organs = { Organ.Liver }, Team = { "surgeon-x", "dr-a" },
        }));
        await RpcAssert.InvalidAsync("procurement.organs", async () => await client.StartProcurementAsync(new StartProcurementRequest
        {
            Name = c.Name, Etag = c.Etag, Organs = { Organ.Heart }, Team = { "surgeon-x" },
        }));
    }
}
