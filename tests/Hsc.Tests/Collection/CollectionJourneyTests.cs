using System.Text.Json;
using DonationRegistry.Common;
using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Hsc.Tests.Collection;

/// <summary>
/// A whole case, from a search result to archived and settled, by the three parties' users with real tokens: every step first
/// tried by each party that does not own it (PERMISSION_DENIED, nothing changes), then done by its owner.
/// </summary>
[Collection(CollectionFixture.Collection)]
public sealed class CollectionJourneyTests(CollectionFixture fixture)
{
    private readonly CollectionSteps _steps = new(fixture, Parties.Ningbo);

    [Fact]
    public async Task FullCase_WhenEachPartyDoesItsSteps_EndsArchivedAndSettledWithTheDonationAnnounced()
    {
        await using var tap = await BrokerTap.StartAsync(fixture.BrokerConnectionString, "HscDonationCompleted", "CollectionStepCompleted");
        var (request, donor, _) = await _steps.SelectedRequestAsync();
        var city = await _steps.CityAsync();
        var local = await _steps.LocalAsync();
        var hospital = await _steps.HospitalAsync();
        var otherHospital = await _steps.AsAsync(Roles.CollectionHospitalStaff, "H-330203-0002", "330203");
        var parties = new Dictionary<string, CollectionCases.CollectionCasesClient>
        {
            ["city"] = city, ["local"] = local, ["hospital"] = hospital, ["other hospital"] = otherHospital,
        };

        var c = await city.OpenCollectionCaseAsync(new OpenCollectionCaseRequest { DonorRequest = request, HospitalOrgId = "H-330203-0001" });
        Assert.Equal(CollectionCaseStatus.MedicalExam, c.Status);
        Assert.Equal("330203", c.LocalRegion);
        Assert.Equal(CaseParty.CollectionHospital, c.WaitingFor);

        var owners = new Dictionary<CollectionCaseStatus, string[]>
        {
            [CollectionCaseStatus.MedicalExam] = ["hospital"],
            [CollectionCaseStatus.Evaluation] = ["hospital", "city"],
            [CollectionCaseStatus.CollectionPlan] = ["city"],
            [CollectionCaseStatus.AdmissionAndMobilisation] = ["hospital"],
            [CollectionCaseStatus.CollectionAndHandover] = ["hospital"],
            [CollectionCaseStatus.FollowUp] = ["local"],
            [CollectionCaseStatus.Archiving] = ["city"],
            [CollectionCaseStatus.FeeSettlement] = ["city"],
        };
        while (c.Status != CollectionCaseStatus.Closed)
        {
            var step = c.Status;
            foreach (var (who, client) in parties.Where(p => !owners[step].Contains(p.Key)))
            {
                var ex = await Assert.ThrowsAsync<RpcException>(() => Attempt(client, c));
                Assert.True(ex.StatusCode == StatusCode.PermissionDenied, $"{who} at {step}: {ex.StatusCode} {ex.Status.Detail}");
            }
            var unchanged = await city.GetCollectionCaseAsync(new GetCollectionCaseRequest { Name = c.Name, Purpose = "journey test" });
            Assert.Equal(step, unchanged.Status);
            c = await _steps.CompleteStepAsync(c);
            Assert.NotEqual(step, c.Status);
        }

        var done = await city.GetCollectionCaseAsync(new GetCollectionCaseRequest { Name = c.Name, Purpose = "journey test" });
        Assert.Matches(@"^HSC-330200-\d{4}-\d{4}$", done.ArchiveNumber);
        Assert.Equal("中华骨髓库", done.Settlement.Payer);
        Assert.Equal(300_000, done.Settlement.TotalFen);
        Assert.Empty(done.MissingDocuments);
        Assert.Equal(5, done.FollowUps.Count);
        Assert.Equal(["CompleteMedicalExam", "RecordEvaluation", "CoSignEvaluation", "CompleteCollectionPlan", "CompleteMobilisation",
                "CompleteHandover", "RecordFollowUpVisit", "CompleteFollowUp"],
            done.Timeline.Select(t => t.Trigger).Where(t => t.StartsWith("Complete", StringComparison.Ordinal) || t is "RecordEvaluation" or "CoSignEvaluation" or "RecordFollowUpVisit").Take(8));
        Assert.Equal(Roles.CollectionHospitalStaff, done.Timeline.Single(t => t.Trigger == "CompleteHandover").ActorRole);
        Assert.Equal(Roles.LocalRedCrossOfficer, done.Timeline.Single(t => t.Trigger == "CompleteFollowUp").ActorRole);
        Assert.Equal("RC-330200", done.Timeline.Single(t => t.Trigger == "CoSignEvaluation").ActorOrgId);
        // Closed: the city has nothing left to do; the county still records the long-term visits.
        Assert.Empty(done.CallerMay);
        Assert.Equal(["RecordFollowUpVisit"], (await local.GetCollectionCaseAsync(new GetCollectionCaseRequest { Name = c.Name, Purpose = "journey test" })).CallerMay);

        // The donor request completed and the donor donated.
        var requests = fixture.Client<DonorRequests.DonorRequestsClient>(await fixture.TokenAsync(Roles.HscCoordinator, "RC-330200", "330200"));
        var r = await requests.GetDonorRequestAsync(new GetDonorRequestRequest { Name = request, Purpose = "journey test" });
        Assert.Equal(DonorRequestStatus.RequestCompleted, r.Status);
        var pool = fixture.Client<DonorPool.DonorPoolClient>(await fixture.TokenAsync(Roles.HscCoordinator, "RC-330200", "330200"));
        Assert.Equal(DonorStatus.Donated, (await pool.GetDonorAsync(new GetDonorRequest { Name = donor, Purpose = "journey test" })).Status);

        // HscDonationCompleted on the real broker: the pseudonymous id, region, consent flag and time, nothing else.
        var donorId = donor["donors/".Length..];
        Assert.True(await tap.SeenAsync("HscDonationCompleted", "donorId", donorId), "HscDonationCompleted did not arrive.");
        var message = Assert.Single(tap.Received("HscDonationCompleted", "donorId", donorId));
        Assert.Equal(["careContactConsent", "completedAt", "donorId", "regionCode"], message.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("330203", message.GetProperty("regionCode").GetString());
        Assert.True(message.GetProperty("careContactConsent").GetBoolean());
        Assert.Equal(done.Handover.HandedOverAt.ToDateTimeOffset(), message.GetProperty("completedAt").GetDateTimeOffset());
        var caseId = c.Name["collectionCases/".Length..];
        Assert.True(await tap.SeenAsync("CollectionStepCompleted", "collectionCaseId", caseId, count: 8), "Not every CollectionStepCompleted arrived.");
        Assert.Equal(["AdmissionAndMobilisation", "Archiving", "CollectionAndHandover", "CollectionPlan", "Evaluation", "FeeSettlement", "FollowUp", "MedicalExam"],
            tap.Received("CollectionStepCompleted", "collectionCaseId", caseId).Select(m => m.GetProperty("step").GetString()).Order());
    }

    /// <summary>Tries the current step's rpc (with valid data) as <paramref name="client"/>.</summary>
    private async Task Attempt(CollectionCases.CollectionCasesClient client, CollectionCase c)
    {
        switch (c.Status)
        {
            case CollectionCaseStatus.MedicalExam:
                await client.CompleteMedicalExamAsync(new CompleteMedicalExamRequest { Name = c.Name, MedicalExam = _steps.Exam() });
                break;
            case CollectionCaseStatus.Evaluation:
                await client.RecordEvaluationAsync(new RecordEvaluationRequest { Name = c.Name, Evaluation = _steps.Evaluation() });
                break;
            case CollectionCaseStatus.CollectionPlan:
                await client.CompleteCollectionPlanAsync(new CompleteCollectionPlanRequest { Name = c.Name, Plan = _steps.Plan() });
                break;
            case CollectionCaseStatus.AdmissionAndMobilisation:
                await client.CompleteMobilisationAsync(new CompleteMobilisationRequest { Name = c.Name, Mobilisation = CollectionSteps.Mobilisation(c) });
                break;
            case CollectionCaseStatus.CollectionAndHandover:
                await client.CompleteHandoverAsync(new CompleteHandoverRequest { Name = c.Name, Handover = CollectionSteps.Handover(c) });
                break;
            case CollectionCaseStatus.FollowUp:
                await client.CompleteFollowUpAsync(new CompleteFollowUpRequest { Name = c.Name });
                break;
            case CollectionCaseStatus.Archiving:
                await client.CompleteArchivingAsync(new CompleteArchivingRequest { Name = c.Name });
                break;
            default:
                await client.SettleFeesAsync(new SettleFeesRequest { Name = c.Name, Payer = "x", SettledOn = CollectionSteps.Text(_steps.Today) });
                break;
        }
    }
}
