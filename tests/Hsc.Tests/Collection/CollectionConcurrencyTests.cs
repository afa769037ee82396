using DonationRegistry.Common;
using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Hsc.Tests.Collection;

/// <summary>Two users completing the same step at once, and steps out of order.</summary>
[Collection(CollectionFixture.Collection)]
public sealed class CollectionConcurrencyTests(CollectionFixture fixture)
{
    private readonly CollectionSteps _steps = new(fixture, Parties.Ningbo);

    [Fact]
    public async Task CompleteMedicalExam_WhenTwoHospitalUsersCompleteItAtOnce_OneSucceedsAndTheOtherIsAborted()
    {
        var c = await _steps.OpenAsync();
        var nurse = fixture.Client<CollectionCases.CollectionCasesClient>(
            await fixture.OtherUserTokenAsync(Roles.CollectionHospitalStaff, "H-330203-0001", "330203"));
        var doctor = fixture.Client<CollectionCases.CollectionCasesClient>(
            await fixture.OtherUserTokenAsync(Roles.CollectionHospitalStaff, "H-330203-0001", "330203"));

        var calls = new[] { nurse, doctor }.Select(client => Outcome(client.CompleteMedicalExamAsync(
            new CompleteMedicalExamRequest { Name = c.Name, MedicalExam = _steps.Exam(), Etag = c.Etag }).ResponseAsync)).ToList();
        var outcomes = await Task.WhenAll(calls);

        Assert.Equal([StatusCode.OK, StatusCode.Aborted], outcomes.Order());
        var after = await (await _steps.CityAsync()).GetCollectionCaseAsync(new GetCollectionCaseRequest { Name = c.Name, Purpose = "test" });
        Assert.Equal(CollectionCaseStatus.Evaluation, after.Status);
        Assert.Single(after.Timeline, t => t.Trigger == "CompleteMedicalExam");
    }

    [Fact]
    public async Task CompleteCollectionPlan_WhenTwoCoordinatorsRaceWithoutEtags_ExactlyOneCompletesIt()
    {
        var c = await _steps.AtAsync(CollectionCaseStatus.CollectionPlan);
        var first = fixture.Client<CollectionCases.CollectionCasesClient>(await fixture.OtherUserTokenAsync(Roles.HscCoordinator, "RC-330200", "330200"));
        var second = fixture.Client<CollectionCases.CollectionCasesClient>(await fixture.OtherUserTokenAsync(Roles.HscCoordinator, "RC-330200", "330200"));

        var outcomes = await Task.WhenAll(new[] { first, second }.Select(client => Outcome(client.CompleteCollectionPlanAsync(
            new CompleteCollectionPlanRequest { Name = c.Name, Plan = _steps.Plan() }).ResponseAsync)));

        // The loser either lost the row (ABORTED) or found the step already done (FAILED_PRECONDITION).
        Assert.Single(outcomes, o => o == StatusCode.OK);
        Assert.Single(outcomes, o => o is StatusCode.Aborted or StatusCode.FailedPrecondition);
    }

    [Fact]
    public async Task CompleteMedicalExam_WithAStaleEtag_IsAborted()
    {
        var c = await _steps.OpenAsync();
        var city = await _steps.CityAsync();
        await city.AttachArchiveDocumentAsync(new AttachArchiveDocumentRequest
        {
            Name = c.Name, Kind = DocumentKind.InformedConsent, Reference = "DMS-1", Sha256 = CollectionSteps.Sha256Of("x"),
        });

        await RpcAssert.FailsAsync(StatusCode.Aborted, () => _steps.HospitalAsync().ContinueWith(t => t.Result.CompleteMedicalExamAsync(
            new CompleteMedicalExamRequest { Name = c.Name, MedicalExam = _steps.Exam(), Etag = c.Etag }).ResponseAsync).Unwrap());
    }

    [Fact]
    public async Task CompleteHandover_BeforeThePlan_FailsNamingTheCurrentStateAndWhatIsAllowed()
    {
        var c = await _steps.AtAsync(CollectionCaseStatus.CollectionPlan);
        var hospital = await _steps.HospitalAsync();

        var ex = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => hospital.CompleteHandoverAsync(new CompleteHandoverRequest
        {
            Name = c.Name,
            Handover = CollectionSteps.Handover(new CollectionCase { Plan = new CollectionPlanRecord { CollectionDates = { CollectionSteps.Text(_steps.Today) } } }),
        }).ResponseAsync);

        Assert.Contains("Cannot CompleteHandover while in state CollectionPlan", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("Allowed now: CompleteCollectionPlan, AttachArchiveDocument, RecordFeeItems, Suspend, Cancel", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoSignEvaluation_BeforeTheHospitalRecordedIt_FailsNamingTheMissingGuard()
    {
        var c = await _steps.AtAsync(CollectionCaseStatus.Evaluation);
        var city = await _steps.CityAsync();

        var ex = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => city.CoSignEvaluationAsync(new CoSignEvaluationRequest { Name = c.Name }).ResponseAsync);

        Assert.Contains("state Evaluation (not yet: evaluation recorded)", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteArchiving_WithADocumentMissing_FailsNamingIt()
    {
        var c = await _steps.AtAsync(CollectionCaseStatus.Archiving);
        var city = await _steps.CityAsync();

        var ex = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => city.CompleteArchivingAsync(new CompleteArchivingRequest { Name = c.Name }).ResponseAsync);

        Assert.Contains("documents missing: MedicalExamReport", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenCollectionCase_TwiceForOneRequest_IsAlreadyExists()
    {
        var (request, _, _) = await _steps.SelectedRequestAsync();
        await _steps.OpenAsync(request: request);

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => _steps.OpenAsync(request: request));
    }

    private static async Task<StatusCode> Outcome(Task call)
    {
        try
        {
            await call;
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }
}
