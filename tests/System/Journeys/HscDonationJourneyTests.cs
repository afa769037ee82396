using DonationRegistry.Common;
using DonationRegistry.Hsc.V1;
using Google.Protobuf.WellKnownTypes;
using Npgsql;
using Xunit;
using Xunit.Abstractions;
using Reg = DonationRegistry.Registration.V1;

namespace DonationRegistry.SystemTests.Journeys;

/// <summary>
/// The HSC journey through the real processes (造血干细胞捐献全流程): the demo clerk of the Hangzhou registration point enrols a
/// volunteer in Registration → the donor appears in Hsc (event over the broker) → Hangzhou's HSC coordinator records sample and
/// typing → a 10/10 search finds the donor → donor request (re-contact willing, confirmatory typing, primary) → collection case,
/// the eight steps done by their owners (city Red Cross: Hangzhou's coordinator; local Red Cross: the demo Yuhang officer
/// local.yh; collection hospital: the demo hospital.nb) → <c>HscDonationCompleted</c> → the donor's referral in FamilyCare, as
/// Hangzhou's care worker sees it. The services run on the real clock, so the case collects bone marrow (no G-CSF days are
/// needed) and every date is today in Shanghai.
/// </summary>
[Collection(SystemFixture.Collection)]
public sealed class HscDonationJourneyTests(SystemFixture system, ITestOutputHelper output)
{
    /// <summary>The patient's typing at the ten loci; the donor is typed identically (10/10).</summary>
    private const string Patient =
        "HLA-A*01:01+HLA-A*24:02^HLA-B*08:01+HLA-B*57:01^HLA-C*06:02+HLA-C*07:01^HLA-DRB1*03:01+HLA-DRB1*07:01^HLA-DQB1*02:01+HLA-DQB1*03:03";

    private const string TransplantCentre = "浙江大学医学院附属第一医院";
    private const string Hospital = "H-330203-0001";
    private const string County = "330110";
    private const string Purpose = "系统测试 system journey";
    private static readonly TimeSpan EventWithin = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task HscVolunteer_WhenEnrolledTypedFoundRequestedAndCollected_IsReferredToFamilyCareOnce()
    {
        var coordinatorToken = await SystemUsers.TokenAsync(system, SystemUsers.HangzhouHscCoordinator, Scopes.Hsc);
        var pool = new DonorPool.DonorPoolClient(system.Channel("hsc", coordinatorToken));

        // Registration: the clerk enrols the volunteer; Hsc learns of them only by the event.
        var donor = "donors/" + await EnrolAsync();
        Donor? arrived = null;
        Assert.True(await Eventually.HoldsAsync(async () => (arrived = await TryGetDonorAsync(pool, donor)) is not null, EventWithin),
            $"{donor} did not arrive in Hsc.");
        Assert.Equal(DonorStatus.Enrolled, arrived!.Status);
        Assert.Equal("330100", arrived.RegionCode);

        // Typing, then a search of the city coordinator finds the donor 10/10.
        await pool.RecordSampleAsync(new RecordSampleRequest { Name = donor, SampleId = "S-" + Guid.NewGuid().ToString("N")[..12] });
        var typed = await pool.RecordTypingAsync(new RecordTypingRequest { Name = donor, GlString = Patient, Method = TypingMethod.Ngs });
        Assert.Equal(DonorStatus.Available, typed.Status);
        var search = await new Search.SearchClient(system.Channel("hsc", coordinatorToken)).SubmitSearchAsync(new SubmitSearchRequest
        {
            PatientReference = "TC-" + Guid.NewGuid().ToString("N")[..10], PatientTyping = Patient,
            Criteria = new SearchCriteria { Preset = CriteriaPreset.TenOfTen },
        });
        var match = await FindMatchAsync(coordinatorToken, search.Name, donor);
        Assert.True(match is not null, $"The search {search.Name} ({search.TotalCount} donors) did not find {donor}.");
        Assert.Equal(0, match!.MismatchCount);

        // Donor request: re-contacted (willing), confirmatory typing 10/10, selected as primary donor.
        var request = await SelectedRequestAsync(coordinatorToken, search.Name, donor);

        // The collection case, each step by its owner.
        var city = new CollectionCases.CollectionCasesClient(system.Channel("hsc", coordinatorToken));
        var hospital = new CollectionCases.CollectionCasesClient(system.Channel("hsc", await system.TokenAsync("hospital.nb", Scopes.Hsc)));
        var local = new CollectionCases.CollectionCasesClient(system.Channel("hsc", await system.TokenAsync("local.yh", Scopes.Hsc)));
        var c = await city.OpenCollectionCaseAsync(new OpenCollectionCaseRequest { DonorRequest = request, LocalRegion = County, HospitalOrgId = Hospital });
        c = await RunCaseAsync(c, city, hospital, local);

        var done = await city.GetCollectionCaseAsync(new GetCollectionCaseRequest { Name = c.Name, Purpose = Purpose });
        output.WriteLine($"{done.Name}: {done.Status}, archive {done.ArchiveNumber}, {done.Timeline.Count} timeline entries");
        Assert.Equal(CollectionCaseStatus.Closed, done.Status);
        Assert.Matches(@"^HSC-330100-\d{4}-\d{4}$", done.ArchiveNumber);
        Assert.Empty(done.MissingDocuments);
        var actors = done.Timeline.GroupBy(t => t.Trigger).ToDictionary(g => g.Key, g => g.Last().ActorRole);
        Assert.Equal(Roles.CollectionHospitalStaff, actors["CompleteMedicalExam"]);
        Assert.Equal(Roles.HscCoordinator, actors["CoSignEvaluation"]);
        Assert.Equal(Roles.CollectionHospitalStaff, actors["CompleteHandover"]);
        Assert.Equal(Roles.LocalRedCrossOfficer, actors["CompleteFollowUp"]);
        Assert.Equal(Roles.HscCoordinator, actors["SettleFees"]);
        Assert.Equal(DonorStatus.Donated, (await pool.GetDonorAsync(new GetDonorRequest { Name = donor, Purpose = Purpose })).Status);
        var requests = new DonorRequests.DonorRequestsClient(system.Channel("hsc", coordinatorToken));
        Assert.Equal(DonorRequestStatus.RequestCompleted,
            (await requests.GetDonorRequestAsync(new GetDonorRequestRequest { Name = request, Purpose = Purpose })).Status);

        // HscDonationCompleted (sent by Hsc's outbox) → FamilyCare refers the donor once (小桔灯 visits HSC donors too).
        var donorId = donor["donors/".Length..];
        IReadOnlyList<DonationRegistry.FamilyCare.V1.Family> families = [];
        Assert.True(await Eventually.HoldsAsync(async () => (families = await FamilyReferrals.OfReferenceAsync(system, donorId)).Count > 0, EventWithin),
            "FamilyCare did not refer the HSC donor.");
        var family = Assert.Single(families);
        Assert.Equal(DonationRegistry.FamilyCare.V1.ReferralSource.HscDonation, family.Source);
        Assert.Equal(DonationRegistry.FamilyCare.V1.FamilyStatus.Referred, family.Status);
        Assert.Equal("330100", family.RegionCode);
        Assert.Equal(1, await CompletionEventsAsync(donorId));
    }

    private async Task<string> EnrolAsync()
    {
        var clerk = await system.TokenAsync("clerk", Scopes.Registration);
        var registrations = new Reg.Registrations.RegistrationsClient(system.Channel("registration", clerk));
        var enrolment = await registrations.EnrollHscVolunteerAsync(new Reg.EnrollHscVolunteerRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            RegistrationPoint = await system.ClerkPointAsync(),
            Person = new Reg.Person
            {
                FullName = "系统测试捐献者", IdType = Reg.IdType.ResidentId, IdNumber = IdNumbers.Next(ShanghaiDay.Today),
                Phone = "13800138000", Address = "杭州市余杭区文一西路 1 号",
            },
            Consents = new Reg.Consents { SensitiveData = true, TransferToProvincialCentre = true },
        });
        return enrolment.VolunteerId;
    }

    private static async Task<Donor?> TryGetDonorAsync(DonorPool.DonorPoolClient pool, string donor)
    {
        try
        {
            return await pool.GetDonorAsync(new GetDonorRequest { Name = donor, Purpose = Purpose });
        }
        catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The donor's entry in the stored search's ranked results (all pages).</summary>
    private async Task<DonorMatch?> FindMatchAsync(string token, string search, string donor)
    {
        var searches = new Search.SearchClient(system.Channel("hsc", token));
        var request = new GetSearchResultsRequest { Name = search, PageSize = 500 };
        do
        {
            var page = await searches.GetSearchResultsAsync(request);
            if (page.Matches.FirstOrDefault(m => m.Donor == donor) is { } match)
            {
                return match;
            }
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return null;
    }

    private async Task<string> SelectedRequestAsync(string token, string search, string donor)
    {
        var city = new DonorRequests.DonorRequestsClient(system.Channel("hsc", token));
        var request = await city.OpenDonorRequestAsync(new OpenDonorRequestRequest
        {
            Search = search, Donor = donor, TransplantCentre = TransplantCentre, RequestId = Guid.NewGuid().ToString(),
        });
        // The donor's region is the city itself (a city-level point), so the city's coordinator makes the re-contact call.
        await city.RecordReContactAttemptAsync(new RecordReContactAttemptRequest
        {
            Name = request.Name, Channel = ContactChannel.ChannelPhone, Outcome = ReContactOutcome.DonorWilling,
        });
        await city.RecordConfirmatorySampleAsync(new RecordConfirmatorySampleRequest { Name = request.Name, Stage = ConfirmatorySampleStage.ConfirmatorySampleRequested });
        await city.RecordConfirmatorySampleAsync(new RecordConfirmatorySampleRequest
        {
            Name = request.Name, Stage = ConfirmatorySampleStage.ConfirmatorySampleReceived, SampleId = "CT-" + Guid.NewGuid().ToString("N")[..12],
        });
        var confirmed = await city.RecordConfirmatoryTypingAsync(new RecordConfirmatoryTypingRequest { Name = request.Name, GlString = Patient, Method = TypingMethod.Ngs });
        Assert.Equal(DonorRequestStatus.ConfirmatoryPassed, confirmed.Status);
        var selected = await city.SelectDonorAsync(new SelectDonorRequest { Name = request.Name, Selection = DonorSelection.PrimaryDonor });
        Assert.Equal(DonorRequestStatus.RequestSelected, selected.Status);
        return request.Name;
    }

    /// <summary>The eight steps with valid records dated today (Shanghai), each by the party that owns it.</summary>
    private static async Task<CollectionCase> RunCaseAsync(CollectionCase c, CollectionCases.CollectionCasesClient city,
        CollectionCases.CollectionCasesClient hospital, CollectionCases.CollectionCasesClient local)
    {
        string Today() => ShanghaiDay.Text(ShanghaiDay.Today);

        // 1 捐献者体检, 2 捐献者评估 (hospital records, city co-signs).
        c = await hospital.CompleteMedicalExamAsync(new CompleteMedicalExamRequest
        {
            Name = c.Name, MedicalExam = new MedicalExamRecord { ExamDate = Today(), Hospital = "宁波市第一医院", Results = "血常规正常", Passed = true },
        });
        c = await hospital.RecordEvaluationAsync(new RecordEvaluationRequest
        {
            Name = c.Name,
            Evaluation = new EvaluationRecord
            {
                EvaluatedOn = Today(), Fit = true, InformedConsentSigned = true, ConsentDocument = "DMS-CONSENT-1", PsychologicallyReady = true,
                CareContactConsent = true,
            },
        });
        c = await city.CoSignEvaluationAsync(new CoSignEvaluationRequest { Name = c.Name });
        Assert.Equal(CollectionCaseStatus.CollectionPlan, c.Status);

        // 3 制定采集计划: bone marrow, admitted and collected today (PBSC would need four G-CSF days to have passed).
        c = await city.CompleteCollectionPlanAsync(new CompleteCollectionPlanRequest
        {
            Name = c.Name,
            Plan = new CollectionPlanRecord
            {
                AdmissionDate = Today(), MobilisationStart = Today(), CollectionDates = { Today() }, Product = ProductKind.BoneMarrow,
                TargetCd34PerKg = 3, TransplantCentre = TransplantCentre, Courier = "顺丰医药", ConditioningStart = Today(),
            },
        });

        // 4 入院 (no G-CSF for bone marrow), 5 采集与交接.
        c = await hospital.CompleteMobilisationAsync(new CompleteMobilisationRequest
        {
            Name = c.Name, Mobilisation = new MobilisationRecord { AdmittedOn = c.Plan.AdmissionDate },
        });
        var collectedOn = c.Plan.CollectionDates[0];
        var handedOver = DateTimeOffset.UtcNow.AddMinutes(-1);
        var firstInstant = ShanghaiDay.StartOf(DateOnly.ParseExact(collectedOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        c = await hospital.CompleteHandoverAsync(new CompleteHandoverRequest
        {
            Name = c.Name,
            Handover = new HandoverRecord
            {
                Sessions = { new ApheresisSession { CollectedOn = collectedOn, VolumeMl = 900, Cd34PerKg = 3.4 } },
                ProductId = "BM-" + Guid.NewGuid().ToString("N")[..8], Courier = "顺丰医药", ReceivingCentre = TransplantCentre, Witness = "HZ-RC-01",
                HandedOverAt = Timestamp.FromDateTimeOffset(handedOver < firstInstant ? firstInstant : handedOver),
            },
        });
        Assert.Equal(CollectionCaseStatus.FollowUp, c.Status);

        // 6 回访 by the county Red Cross: the first visit, then the step completes.
        c = await local.RecordFollowUpVisitAsync(new RecordFollowUpVisitRequest
        {
            Name = c.Name, Day = c.FollowUps.Min(f => f.Day), VisitedOn = Today(), HealthStatus = HealthStatus.Well,
        });
        c = await local.CompleteFollowUpAsync(new CompleteFollowUpRequest { Name = c.Name });

        // 7 档案管理: every document of the checklist, then the archive number.
        foreach (var kind in c.MissingDocuments.ToList())
        {
            c = await city.AttachArchiveDocumentAsync(new AttachArchiveDocumentRequest
            {
                Name = c.Name, Kind = kind, Reference = "DMS-" + kind,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(c.Name + kind))),
            });
        }
        c = await city.CompleteArchivingAsync(new CompleteArchivingRequest { Name = c.Name });

        // 8 费用: one item within the city's fee standard (SystemGraph gives Hangzhou one), settled.
        c = await city.RecordFeeItemsAsync(new RecordFeeItemsRequest
        {
            Name = c.Name, Items = { new FeeItem { Category = FeeCategory.DonorSubsidy, Description = "捐献者补贴", Quantity = 1, UnitFen = 300_000 } },
        });
        return await city.SettleFeesAsync(new SettleFeesRequest { Name = c.Name, Payer = "中华骨髓库", SettledOn = Today() });
    }

    /// <summary>The HscDonationCompleted rows of Hsc's outbox for the donor (the event goes out once, and is sent).</summary>
    private async Task<long> CompletionEventsAsync(string donorId)
    {
        await using var connection = new NpgsqlConnection(system.Database("hscdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%HscDonationCompleted%' AND body->>'donorId' = @d AND sent_at IS NOT NULL",
            connection);
        command.Parameters.AddWithValue("d", donorId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
