using System.Text.Json;
using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;
using Reg = DonationRegistry.Registration.V1;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// Cornea and brain tissue cases through gRPC on the real database and broker with real tokens: walked to the memorial by the
/// coordinator and the bank's staff, TissueDonationCompleted on the broker without personal data, the registration Realised; banks
/// refused when inactive or of the wrong kind; declining closes the case.
/// </summary>
[Collection(OrganFixture.Collection)]
public sealed class TissueCaseFlowTests(OrganFixture fixture)
{
    private readonly DonationSteps _steps = new(fixture);

    [Theory]
    [InlineData(TissueKind.Cornea, "Cornea")]
    [InlineData(TissueKind.Brain, "Brain")]
    public async Task RecoverTissue_WhenWalkedToTheMemorial_PublishesTissueDonationCompletedAndRealisesTheRegistration(TissueKind kind, string tissue)
    {
        await using var tap = await BrokerTap.StartAsync(fixture.BrokerConnectionString, "TissueDonationCompleted");
        var idNumber = People.NewIdNumber();
        var registration = await fixture.RegisteredVolunteerAsync(idNumber, bodyAndTissue: true);

        await fixture.EnsureUnitsAsync();
        var opened = await _steps.CreateTissueAsync(kind, idNumber);
        // Recovery follows the report of death by an hour or more: by then the registry has heard of the death (the two events
        // travel on different queues, so the test waits as the real world does).
        Assert.True(await Eventually.HoldsAsync(async () => await fixture.RegistrationStatusAsync(registration) == Reg.RegistrationStatus.Deceased),
            $"registration {registration} did not become Deceased");
        var c = await _steps.ContinueTissueAsync(opened, kind, TissueCaseState.TissueMemorialised);

        Assert.Equal(registration, c.Registration);
        Assert.False(c.WindowBreached);
        Assert.True(c.TimeLeft.ToTimeSpan() > TimeSpan.Zero);
        Assert.False(c.Memorial.InscriptionConsented);
        Assert.Equal("", c.Memorial.InscribedName);
        Assert.Equal(["DeathNotified", "Recovered", "Used", "Memorialised"], c.Timeline.Select(e => e.Action));
        var id = c.Name["tissueCases/".Length..];
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(tap.Received("TissueDonationCompleted").Any(b => b.Contains(id, StringComparison.Ordinal)))),
            "TissueDonationCompleted not on the broker");
        var envelope = tap.Received("TissueDonationCompleted").First(b => b.Contains(id, StringComparison.Ordinal));
        using (var json = JsonDocument.Parse(envelope))
        {
            var message = json.RootElement.GetProperty("message");
            Assert.Equal(tissue, message.GetProperty("tissue").GetString());
            Assert.Equal(c.FamilyReference, message.GetProperty("familyReference").GetString());
            Assert.Equal(OrganFixture.Region, message.GetProperty("regionCode").GetString());
            Assert.True(message.GetProperty("familyCareContactConsent").GetBoolean());
        }
        Assert.DoesNotContain(idNumber, envelope, StringComparison.Ordinal);
        Assert.True(await Eventually.HoldsAsync(async () => await fixture.RegistrationStatusAsync(registration) == Reg.RegistrationStatus.Realised),
            $"registration {registration} did not become Realised");
    }

    [Theory]
    [InlineData(TissueKind.Cornea, OrganFixture.InactiveEyeBank, "inactive")]
    [InlineData(TissueKind.Brain, OrganFixture.EyeBank, "does not accept Brain")]
    [InlineData(TissueKind.Cornea, OrganFixture.BrainBank, "does not accept Cornea")]
    public async Task CreateTissueCase_WithABankThatCannotTakeTheTissue_IsRefusedNamingTheUnitAndWritesNothing(TissueKind kind, string bank, string message)
    {
        await fixture.EnsureUnitsAsync();
        var before = await fixture.RowCountsAsync();

        var ex = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => _steps.CreateTissueAsync(kind, bank: bank));

        Assert.Contains(message, ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.RowCountsAsync());
    }

    [Fact]
    public async Task DeclineTissueCase_ByTheCoordinator_ClosesTheCaseWithTheReason()
    {
        await fixture.EnsureUnitsAsync();
        var c = await _steps.CreateTissueAsync(TissueKind.Cornea);

        c = await (await _steps.TissueCoordinatorAsync()).DeclineTissueCaseAsync(new DeclineTissueCaseRequest
        {
            Name = c.Name, Etag = c.Etag, Reason = TissueDeclineReason.TissueFamilyDeclined,
        });

        Assert.Equal(TissueCaseState.Declined, c.State);
        Assert.Equal(TissueDeclineReason.TissueFamilyDeclined, c.DeclineReason);
        Assert.False(c.WindowBreached);
        Assert.Empty(c.AllowedActions);
    }

    [Fact]
    public async Task RecoverTissue_ByTheCoordinator_IsPermissionDeniedAsItIsTheBanksStep()
    {
        await fixture.EnsureUnitsAsync();
        var c = await _steps.CreateTissueAsync(TissueKind.Cornea);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await (await _steps.TissueCoordinatorAsync()).RecoverTissueAsync(
            new RecoverTissueRequest { Name = c.Name, Etag = c.Etag, RecoverTime = c.NotifyTime, DocumentReference = "R" }));
    }

    [Fact]
    public async Task ListTissueCases_WithKindAndStateFilters_ReturnsOnlyMatchingCases()
    {
        await fixture.EnsureUnitsAsync();
        var brain = await _steps.CreateTissueAsync(TissueKind.Brain);
        var cornea = await _steps.CreateTissueAsync(TissueKind.Cornea);

        var list = await (await _steps.TissueCoordinatorAsync()).ListTissueCasesAsync(new ListTissueCasesRequest
        {
            Kind = TissueKind.Brain, State = TissueCaseState.TissueDeathNotified, Purpose = DonationSteps.Purpose, PageSize = 500,
        });

        Assert.Contains(list.TissueCases, x => x.Name == brain.Name);
        Assert.DoesNotContain(list.TissueCases, x => x.Name == cornea.Name);
        Assert.All(list.TissueCases, x => Assert.Equal((TissueKind.Brain, TissueCaseState.TissueDeathNotified), (x.Kind, x.State)));
    }
}
