using System.Text.Json;
using DonationRegistry.Common;
using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Hsc.Tests.Collection;

/// <summary>
/// A whole case, from a search result to archived and settled, by the three parties' users with real tokens: the city coordinator
/// searches, requests and confirms, the county officer re-contacts and follows up, the hospital examines, mobilises and collects.
/// Every step (of the donor request and of the case) is first tried by each party that does not own it — the other two parties and
/// the same roles at another city, county or hospital — (PERMISSION_DENIED, nothing changes), then done by its owner.
/// </summary>
[Collection(CollectionFixture.Collection)]
public sealed class CollectionJourneyTests(CollectionFixture fixture)
{
    private readonly CollectionSteps _steps = new(fixture, Parties.Ningbo);

    [Fact]
    public async Task FullCase_WhenEachPartyDoesItsSteps_EndsArchivedAndSettledWithTheDonationAnnounced()
    {
        await using var tap = await BrokerTap.StartAsync(fixture.BrokerConnectionString, "HscDonationCompleted", "CollectionStepCompleted",
            "DonorReserved");
        var (request, donor) = await WorkUpAsync();
        var city = await _steps.CityAsync();
        var local = await _steps.LocalAsync();
        var hospital = await _steps.HospitalAsync();
        var otherHospital = await _steps.AsAsync(Roles.CollectionHospitalStaff, "H-330203-0002", "330203");
        var otherCity = await _steps.AsAsync(Roles.HscCoordinator, "RC-330100", "330100");
        var otherCounty = await _steps.AsAsync(Roles.LocalRedCrossOfficer, "RC-330204", "330204");
        var parties = new Dictionary<string, CollectionCases.CollectionCasesClient>
        {
            ["city"] = city, ["local"] = local, ["hospital"] = hospital, ["other hospital"] = otherHospital, ["other city"] = otherCity,
            ["other county"] = otherCounty,
        };
        var open = new OpenCollectionCaseRequest { DonorRequest = request, HospitalOrgId = "H-330203-0001" };
        foreach (var (who, client) in parties.Where(p => p.Key != "city"))
        {
            await DeniedAsync($"{who} opening the case", () => client.OpenCollectionCaseAsync(open).ResponseAsync);
        }

        var c = await city.OpenCollectionCaseAsync(open);
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
            if (step == CollectionCaseStatus.Evaluation)
            {
                // The two owners of step 2 may not do each other's part: the hospital records, the city co-signs.
                await DeniedAsync("city recording the evaluation", () =>
                    city.RecordEvaluationAsync(new RecordEvaluationRequest { Name = c.Name, Evaluation = _steps.Evaluation() }).ResponseAsync);
                await DeniedAsync("hospital co-signing", () => hospital.CoSignEvaluationAsync(new CoSignEvaluationRequest { Name = c.Name }).ResponseAsync);
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
        Assert.Equal([7, 30, 90, 180, 365], done.FollowUps.Select(f => f.Day));
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
        Assert.All(tap.Received("CollectionStepCompleted", "collectionCaseId", caseId), m => Assert.Equal(
            ["cityRegion", "collectionCaseId", "completedAt", "donorId", "hospitalOrgId", "localRegion", "nextStatus", "step"],
            m.EnumerateObject().Select(p => p.Name).Order()));

        // DonorReserved, when the request was opened: ids, city and time only (no patient reference, centre or sample id).
        Assert.True(await tap.SeenAsync("DonorReserved", "donorId", donorId), "DonorReserved did not arrive.");
        var reserved = Assert.Single(tap.Received("DonorReserved", "donorId", donorId));
        Assert.Equal(["cityRegion", "donorId", "donorRequestId", "reservedAt"], reserved.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(request["donorRequests/".Length..], reserved.GetProperty("donorRequestId").GetString());
    }

    /// <summary>
    /// The work-up before the case, from a search result: the city coordinator searches and finds the donor among the results, opens
    /// the request, the county officer re-contacts (willing), the city records the confirmatory sample and the laboratory's HML
    /// (10/10, shown per locus) and selects the donor as primary. Each step is first refused to every party that does not own it.
    /// Returns ("donorRequests/{id}", "donors/{id}").
    /// </summary>
    private async Task<(string Request, string Donor)> WorkUpAsync()
    {
        var p = _steps.Parties;
        var donor = await _steps.DonorAsync();
        var searchAs = new Dictionary<string, Search.SearchClient>();
        var requestsAs = new Dictionary<string, DonorRequests.DonorRequestsClient>();
        foreach (var (who, (role, org, region)) in new Dictionary<string, (string, string, string)>
        {
            ["city"] = p.CityUser, ["local"] = p.LocalUser, ["hospital"] = p.HospitalUser,
            ["other city"] = (Roles.HscCoordinator, "RC-330100", "330100"), ["other county"] = (Roles.LocalRedCrossOfficer, "RC-330204", "330204"),
        })
        {
            var token = await fixture.TokenAsync(role, org, region);
            searchAs[who] = fixture.Client<Search.SearchClient>(token);
            requestsAs[who] = fixture.Client<DonorRequests.DonorRequestsClient>(token);
        }

        var submit = new SubmitSearchRequest
        {
            PatientReference = "TC-" + Guid.NewGuid().ToString("N")[..10], PatientTyping = CollectionSteps.Patient,
            Criteria = new SearchCriteria { TotalMismatches = 2, IncludeC = true, IncludeDqb1 = true },
        };
        await DeniedAsync("local searching", () => searchAs["local"].SubmitSearchAsync(submit).ResponseAsync);
        await DeniedAsync("hospital searching", () => searchAs["hospital"].SubmitSearchAsync(submit).ResponseAsync);
        var search = await searchAs["city"].SubmitSearchAsync(submit);
        Assert.True(await InResultsAsync(searchAs["city"], search.Name, donor), "The donor is not among the search's results.");

        var open = new OpenDonorRequestRequest { Search = search.Name, Donor = donor, TransplantCentre = CollectionSteps.TransplantCentre, CityRegion = p.City };
        foreach (var who in new[] { "local", "hospital", "other city", "other county" })
        {
            await DeniedAsync($"{who} opening the request", () => requestsAs[who].OpenDonorRequestAsync(open).ResponseAsync);
        }
        var request = (await requestsAs["city"].OpenDonorRequestAsync(open)).Name;

        var willing = new RecordReContactAttemptRequest { Name = request, Channel = ContactChannel.ChannelPhone, Outcome = ReContactOutcome.DonorWilling };
        foreach (var who in new[] { "hospital", "other city", "other county" })
        {
            await DeniedAsync($"{who} re-contacting", () => requestsAs[who].RecordReContactAttemptAsync(willing).ResponseAsync);
        }
        await AssertRequestAsync(requestsAs["city"], request, DonorRequestStatus.RequestOpen, attempts: 0);
        var r = await requestsAs["local"].RecordReContactAttemptAsync(willing);
        Assert.Equal(DonorRequestStatus.RequestWilling, r.Status);
        Assert.Equal(Roles.LocalRedCrossOfficer, Assert.Single(r.Attempts).RecorderRole);

        var sampleId = "CT-" + Guid.NewGuid().ToString("N")[..12];
        var cityOnly = new (string Step, DonorRequestStatus Before, Func<DonorRequests.DonorRequestsClient, Task<DonorRequest>> Call)[]
        {
            ("requesting the sample", DonorRequestStatus.RequestWilling, x => x.RecordConfirmatorySampleAsync(new RecordConfirmatorySampleRequest
            {
                Name = request, Stage = ConfirmatorySampleStage.ConfirmatorySampleRequested,
            }).ResponseAsync),
            ("receiving the sample", DonorRequestStatus.SampleRequested, x => x.RecordConfirmatorySampleAsync(new RecordConfirmatorySampleRequest
            {
                Name = request, Stage = ConfirmatorySampleStage.ConfirmatorySampleReceived, SampleId = sampleId,
            }).ResponseAsync),
            ("recording the confirmatory HML", DonorRequestStatus.SampleReceived, x => x.RecordConfirmatoryTypingAsync(new RecordConfirmatoryTypingRequest
            {
                Name = request, Hml = Google.Protobuf.ByteString.CopyFromUtf8(DonorSteps.Hml((sampleId, CollectionSteps.Patient.Split('^')))),
            }).ResponseAsync),
            ("selecting the donor", DonorRequestStatus.ConfirmatoryPassed, x => x.SelectDonorAsync(new SelectDonorRequest
            {
                Name = request, Selection = DonorSelection.PrimaryDonor,
            }).ResponseAsync),
        };
        foreach (var (step, before, call) in cityOnly)
        {
            foreach (var who in new[] { "local", "hospital", "other city", "other county" })
            {
                await DeniedAsync($"{who} {step}", () => call(requestsAs[who]));
            }
            await AssertRequestAsync(requestsAs["city"], request, before, attempts: 1);
            r = await call(requestsAs["city"]);
            if (before == DonorRequestStatus.SampleReceived)
            {
                // The comparison with the patient is shown: 10/10, two matches at each of the five loci.
                Assert.Equal(10, r.Comparison.TotalMatches);
                Assert.True(r.Comparison.Passed);
                Assert.Equal(["A", "B", "C", "DRB1", "DQB1"], r.Comparison.Loci.Select(l => l.Locus));
                Assert.All(r.Comparison.Loci, l => Assert.Equal(2, l.MatchCount));
            }
        }
        Assert.Equal(DonorRequestStatus.RequestSelected, r.Status);
        Assert.Equal(DonorSelection.PrimaryDonor, r.Selection);
        return (request, donor);
    }

    private static async Task AssertRequestAsync(DonorRequests.DonorRequestsClient city, string request, DonorRequestStatus status, int attempts)
    {
        var now = await city.GetDonorRequestAsync(new GetDonorRequestRequest { Name = request, Purpose = "journey test" });
        Assert.Equal(status, now.Status);
        Assert.Equal(attempts, now.Attempts.Count);
    }

    private static async Task<bool> InResultsAsync(Search.SearchClient search, string name, string donor)
    {
        var token = "";
        do
        {
            var page = await search.GetSearchResultsAsync(new GetSearchResultsRequest { Name = name, PageSize = 500, PageToken = token });
            if (page.Matches.Any(m => m.Donor == donor))
            {
                return true;
            }
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return false;
    }

    private static async Task DeniedAsync(string what, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(ex.StatusCode == StatusCode.PermissionDenied, $"{what}: {ex.StatusCode} {ex.Status.Detail}");
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
