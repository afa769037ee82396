using System.Text.Json;
using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;
using Reg = DonationRegistry.Registration.V1;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// Body donation cases through gRPC on the real database and broker with real tokens: walked to the memorial by the coordinator and
/// the receiving unit's staff, BodyDonationCompleted on the broker without personal data, the registration (body and tissue
/// programme) Realised in the Registration service; receiving units refused when inactive or of the wrong kind; another unit's staff
/// refused; an objection in the registry refuses the case.
/// </summary>
[Collection(OrganFixture.Collection)]
public sealed class BodyCaseFlowTests(OrganFixture fixture)
{
    private readonly DonationSteps _steps = new(fixture);

    [Fact]
    public async Task ReceiveBody_WhenWalkedToTheMemorial_PublishesBodyDonationCompletedAndRealisesTheRegistration()
    {
        await using var tap = await BrokerTap.StartAsync(fixture.BrokerConnectionString, "BodyDonationCompleted", "RegistrantDeceased");
        var idNumber = People.NewIdNumber();
        var registration = await fixture.RegisteredVolunteerAsync(idNumber, bodyAndTissue: true);

        await fixture.EnsureUnitsAsync();
        var opened = await _steps.CreateBodyAsync(idNumber);
        // The body arrives hours after the death is reported: by then the registry has heard of the death (the two events travel
        // on different queues, so the test waits as the real world does).
        Assert.True(await Eventually.HoldsAsync(async () => await fixture.RegistrationStatusAsync(registration) == Reg.RegistrationStatus.Deceased),
            $"registration {registration} did not become Deceased");
        var c = await _steps.ContinueBodyAsync(opened, BodyCaseState.BodyMemorialised);

        Assert.Equal(registration, c.Registration);
        Assert.Equal("receivingUnits/" + OrganFixture.BodyUnit, c.ReceivingUnit);
        Assert.Equal(BodyUse.Teaching, c.Use);
        Assert.Equal(BodyDisposal.Cremation, c.Disposal);
        Assert.Equal("张三", c.Memorial.InscribedName);
        Assert.Equal(["DeathNotified", "HandoverAgreed", "Received", "UseStarted", "Disposed", "Memorialised"], c.Timeline.Select(e => e.Action));
        Assert.Equal(Common.Roles.ReceivingUnitStaff, c.Timeline.Single(e => e.Action == "Received").ActorRole);
        Assert.Empty(c.AllowedActions);
        var id = c.Name["bodyCases/".Length..];
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(tap.Received("BodyDonationCompleted").Any(b => b.Contains(id, StringComparison.Ordinal)))),
            "BodyDonationCompleted not on the broker");
        var envelope = tap.Received("BodyDonationCompleted").First(b => b.Contains(id, StringComparison.Ordinal));
        using (var json = JsonDocument.Parse(envelope))
        {
            var message = json.RootElement.GetProperty("message");
            Assert.Equal(c.FamilyReference, message.GetProperty("familyReference").GetString());
            Assert.Equal(OrganFixture.Region, message.GetProperty("regionCode").GetString());
            Assert.True(message.GetProperty("familyCareContactConsent").GetBoolean());
        }
        Assert.DoesNotContain(idNumber, envelope, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", envelope, StringComparison.Ordinal);
        Assert.True(await Eventually.HoldsAsync(async () => await fixture.RegistrationStatusAsync(registration) == Reg.RegistrationStatus.Realised),
            $"registration {registration} did not become Realised");
    }

    [Fact]
    public async Task RejectBodyCase_ForARegisteredDonor_RecordsTheReasonAndTheRegistrationNotRealised()
    {
        var idNumber = People.NewIdNumber();
        var registration = await fixture.RegisteredVolunteerAsync(idNumber, bodyAndTissue: true);
        var c = await _steps.CreateBodyAsync(idNumber);

        c = await (await _steps.BodyCoordinatorAsync()).RejectBodyCaseAsync(new RejectBodyCaseRequest
        {
            Name = c.Name, Etag = c.Etag, Reason = BodyRejectionReason.AutopsyRequired, Note = "公安要求尸检",
        });

        Assert.Equal(BodyCaseState.Rejected, c.State);
        Assert.Equal(BodyRejectionReason.AutopsyRequired, c.RejectionReason);
        Assert.True(await Eventually.HoldsAsync(async () => await fixture.RegistrationStatusAsync(registration) == Reg.RegistrationStatus.NotRealised),
            $"registration {registration} did not become NotRealised");
    }

    [Theory]
    [InlineData(OrganFixture.EyeBank, "does not accept Body")]
    [InlineData(OrganFixture.InactiveEyeBank, "inactive")]
    [InlineData("NO-SUCH-UNIT", "No receiving unit")]
    public async Task AgreeHandover_WithAUnitThatCannotTakeTheBody_IsRefusedNamingTheUnitAndChangesNothing(string unit, string message)
    {
        await fixture.EnsureUnitsAsync();
        var c = await _steps.CreateBodyAsync();

        var coordinator = await _steps.BodyCoordinatorAsync();

        var ex = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => coordinator.AgreeHandoverAsync(
            new AgreeHandoverRequest { Name = c.Name, Etag = c.Etag, ReceivingUnit = "receivingUnits/" + unit }).ResponseAsync);

        Assert.Contains(message, ex.Status.Detail, StringComparison.Ordinal);
        var after = await (await _steps.BodyCoordinatorAsync()).GetBodyCaseAsync(new GetBodyCaseRequest { Name = c.Name, Purpose = DonationSteps.Purpose });
        Assert.Equal(BodyCaseState.BodyDeathNotified, after.State);
        Assert.Equal(c.Etag, after.Etag);
    }

    [Fact]
    public async Task ReceiveBody_ByStaffOfAnotherUnit_IsPermissionDenied()
    {
        var c = await _steps.BodyInStateAsync(BodyCaseState.HandoverAgreed);
        var other = await _steps.BodyUnitAsync(OrganFixture.EyeBank);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            other.ReceiveBodyAsync(new ReceiveBodyRequest { Name = c.Name, Etag = c.Etag, DocumentReference = "REC-X" }).ResponseAsync);
    }

    [Fact]
    public async Task ReceiveBody_ByTheCoordinator_IsPermissionDeniedAsItIsTheUnitsStep()
    {
        var c = await _steps.BodyInStateAsync(BodyCaseState.HandoverAgreed);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () =>
            await (await _steps.BodyCoordinatorAsync()).ReceiveBodyAsync(new ReceiveBodyRequest { Name = c.Name, Etag = c.Etag, DocumentReference = "R" }));
    }

    [Fact]
    public async Task CreateBodyCase_WhenTheRegistryHoldsAnObjection_IsRefusedAndWritesNothing()
    {
        var idNumber = People.NewIdNumber();
        await fixture.RegisteredVolunteerAsync(idNumber, objection: true, bodyAndTissue: true);
        var before = await fixture.RowCountsAsync();

        var ex = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => _steps.CreateBodyAsync(idNumber));

        Assert.Contains("PriorObjection", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.RowCountsAsync());
    }

    [Fact]
    public async Task CreateBodyCase_WithTheSameRequestId_ReturnsTheFirstCase()
    {
        var requestId = Guid.NewGuid().ToString();

        var first = await _steps.CreateBodyAsync(requestId: requestId);
        var second = await _steps.CreateBodyAsync(requestId: requestId);

        Assert.Equal(first.Name, second.Name);
    }

    [Fact]
    public async Task StartBodyUse_BeforeTheBodyIsReceived_IsFailedPreconditionNamingTheState()
    {
        var c = await _steps.BodyInStateAsync(BodyCaseState.HandoverAgreed);

        await RpcAssert.IllegalAsync("HandoverAgreed", async () => await (await _steps.BodyUnitAsync()).StartBodyUseAsync(
            new StartBodyUseRequest { Name = c.Name, Etag = c.Etag, Use = BodyUse.Anatomy }));
    }

    [Fact]
    public async Task ListBodyCases_ForTheUnitsStaff_ShowsTheirUnitsCasesOnly()
    {
        var c = await _steps.BodyInStateAsync(BodyCaseState.HandoverAgreed);
        var notYetTheirs = await _steps.CreateBodyAsync();

        var list = await (await _steps.BodyUnitAsync()).ListBodyCasesAsync(new ListBodyCasesRequest { Purpose = DonationSteps.Purpose, PageSize = 500 });

        Assert.Contains(list.BodyCases, x => x.Name == c.Name);
        Assert.DoesNotContain(list.BodyCases, x => x.Name == notYetTheirs.Name);
        Assert.All(list.BodyCases, x => Assert.Equal("receivingUnits/" + OrganFixture.BodyUnit, x.ReceivingUnit));
    }
}
