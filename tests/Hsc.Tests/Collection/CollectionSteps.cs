using System.Globalization;
using DonationRegistry.Hsc.V1;
using Google.Protobuf.WellKnownTypes;

namespace DonationRegistry.Hsc.Tests.Collection;

/// <summary>
/// Collection cases through the API, driven by the three parties' users: a donor of the county enrolled, typed and found by a
/// search of the city coordinator, requested, re-contacted (willing), confirmed 10/10 and selected as primary (brief B's rpcs),
/// then the case step by step with valid records dated by the fixture's clock (which moves forward as a real case would: admission
/// the next day, four days of G-CSF, collection on the fifth).
/// </summary>
public sealed class CollectionSteps(CollectionFixture fixture, Parties parties)
{
    /// <summary>The patient's typing at the ten loci; the donors are typed identically (10/10).</summary>
    public const string Patient =
        "HLA-A*01:01+HLA-A*24:02^HLA-B*08:01+HLA-B*57:01^HLA-C*06:02+HLA-C*07:01^HLA-DRB1*03:01+HLA-DRB1*07:01^HLA-DQB1*02:01+HLA-DQB1*03:03";

    public const string TransplantCentre = "浙江大学医学院附属第一医院";

    public Parties Parties => parties;

    public async Task<CollectionCases.CollectionCasesClient> CityAsync() =>
        fixture.Client<CollectionCases.CollectionCasesClient>(await fixture.TokenAsync(parties.CityUser.Role, parties.CityOrgId, parties.City));

    public async Task<CollectionCases.CollectionCasesClient> LocalAsync() =>
        fixture.Client<CollectionCases.CollectionCasesClient>(await fixture.TokenAsync(parties.LocalUser.Role, parties.CountyOrgId, parties.County));

    public async Task<CollectionCases.CollectionCasesClient> HospitalAsync() =>
        fixture.Client<CollectionCases.CollectionCasesClient>(await fixture.TokenAsync(parties.HospitalUser.Role, parties.HospitalOrgId, parties.County));

    public async Task<CollectionCases.CollectionCasesClient> AsAsync(string role, string orgId, string region) =>
        fixture.Client<CollectionCases.CollectionCasesClient>(await fixture.TokenAsync(role, orgId, region));

    /// <summary>An Available donor of the county, typed like the patient; returns "donors/{id}".</summary>
    public async Task<string> DonorAsync()
    {
        var id = await fixture.EnrolAsync(parties.County);
        var pool = fixture.Client<DonorPool.DonorPoolClient>(await fixture.TokenAsync(parties.CityUser.Role, parties.CityOrgId, parties.City));
        var name = $"donors/{id}";
        await pool.RecordSampleAsync(new RecordSampleRequest { Name = name, SampleId = "S-" + Guid.NewGuid().ToString("N")[..12] });
        await pool.RecordTypingAsync(new RecordTypingRequest { Name = name, GlString = Patient, Method = TypingMethod.Ngs });
        return name;
    }

    /// <summary>A stored search of the city coordinator for a new patient.</summary>
    public async Task<string> SearchAsync()
    {
        var search = fixture.Client<Search.SearchClient>(await fixture.TokenAsync(parties.CityUser.Role, parties.CityOrgId, parties.City));
        var summary = await search.SubmitSearchAsync(new SubmitSearchRequest
        {
            PatientReference = "TC-" + Guid.NewGuid().ToString("N")[..10],
            PatientTyping = Patient,
            Criteria = new SearchCriteria { TotalMismatches = 2, IncludeC = true, IncludeDqb1 = true },
        });
        return summary.Name;
    }

    /// <summary>A donor request in state Selected (primary unless <paramref name="selection"/> says otherwise) for <paramref name="donor"/> (a new donor when null) from a search.</summary>
    public async Task<(string Request, string Donor, string Search)> SelectedRequestAsync(string? donor = null, string? search = null,
        DonorSelection selection = DonorSelection.PrimaryDonor)
    {
        donor ??= await DonorAsync();
        search ??= await SearchAsync();
        var city = fixture.Client<DonorRequests.DonorRequestsClient>(await fixture.TokenAsync(parties.CityUser.Role, parties.CityOrgId, parties.City));
        var local = fixture.Client<DonorRequests.DonorRequestsClient>(await fixture.TokenAsync(parties.LocalUser.Role, parties.CountyOrgId, parties.County));
        var request = await city.OpenDonorRequestAsync(new OpenDonorRequestRequest { Search = search, Donor = donor, TransplantCentre = TransplantCentre });
        await local.RecordReContactAttemptAsync(new RecordReContactAttemptRequest
        {
            Name = request.Name, Channel = ContactChannel.ChannelPhone, Outcome = ReContactOutcome.DonorWilling,
        });
        await city.RecordConfirmatorySampleAsync(new RecordConfirmatorySampleRequest { Name = request.Name, Stage = ConfirmatorySampleStage.ConfirmatorySampleRequested });
        var sampleId = "CT-" + Guid.NewGuid().ToString("N")[..12];
        await city.RecordConfirmatorySampleAsync(new RecordConfirmatorySampleRequest
        {
            Name = request.Name, Stage = ConfirmatorySampleStage.ConfirmatorySampleReceived, SampleId = sampleId,
        });
        // The laboratory's HML document of the confirmatory sample, 10/10 with the patient.
        await city.RecordConfirmatoryTypingAsync(new RecordConfirmatoryTypingRequest
        {
            Name = request.Name, Hml = Google.Protobuf.ByteString.CopyFromUtf8(DonorSteps.Hml((sampleId, Patient.Split('^')))),
        });
        await city.SelectDonorAsync(new SelectDonorRequest { Name = request.Name, Selection = selection });
        return (request.Name, donor, search);
    }

    /// <summary>Opens a case for a new selected request (or the one given).</summary>
    public async Task<CollectionCase> OpenAsync(bool international = false, bool independent = false, string? request = null,
        string secondOf = "", SecondDonationKind kind = SecondDonationKind.Unspecified)
    {
        request ??= (await SelectedRequestAsync()).Request;
        var city = await CityAsync();
        return await city.OpenCollectionCaseAsync(new OpenCollectionCaseRequest
        {
            DonorRequest = request, HospitalOrgId = parties.HospitalOrgId, International = international, Independent = independent,
            SecondOf = secondOf, SecondDonationKind = kind,
        });
    }

    public DateOnly Today => DateOnly.FromDateTime(fixture.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Parse(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public MedicalExamRecord Exam(bool passed = true) => new() { ExamDate = Text(Today), Hospital = "宁波市第一医院", Results = "血常规正常", Passed = passed };

    public EvaluationRecord Evaluation(bool fit = true) => new()
    {
        EvaluatedOn = Text(Today), Fit = fit, InformedConsentSigned = true, ConsentDocument = "DMS-CONSENT-1", PsychologicallyReady = true,
        CareContactConsent = true,
    };

    /// <summary>Admission and G-CSF from tomorrow, collection on day 5, the patient's conditioning from day 3.</summary>
    public CollectionPlanRecord Plan(ProductKind product = ProductKind.Pbsc) => new()
    {
        AdmissionDate = Text(Today.AddDays(1)), MobilisationStart = Text(Today.AddDays(1)), CollectionDates = { Text(Today.AddDays(5)) },
        Product = product, TargetCd34PerKg = 5, TransplantCentre = TransplantCentre, Courier = "顺丰医药", ConditioningStart = Text(Today.AddDays(3)),
    };

    /// <summary>Four daily doses before the plan's collection date (the clock must stand on that date).</summary>
    public static MobilisationRecord Mobilisation(CollectionCase c)
    {
        var collection = Parse(c.Plan.CollectionDates[0]);
        var record = new MobilisationRecord { AdmittedOn = c.Plan.AdmissionDate };
        record.GcsfDoses.AddRange(Enumerable.Range(1, 4).Select(i => new GcsfDose { Day = Text(collection.AddDays(-i)), DoseMicrograms = 600 }));
        return record;
    }

    /// <summary>One session on the plan's collection date, handed over at 15:00 that day (the clock must be past it).</summary>
    public static HandoverRecord Handover(CollectionCase c, bool withExportPapers = false)
    {
        var collection = Parse(c.Plan.CollectionDates[0]);
        var record = new HandoverRecord
        {
            Sessions = { new ApheresisSession { CollectedOn = Text(collection), VolumeMl = 150, Cd34PerKg = 6.1 } },
            ProductId = "PBSC-" + Guid.NewGuid().ToString("N")[..8], Courier = "顺丰医药", ReceivingCentre = TransplantCentre, Witness = "NB-RC-07",
            HandedOverAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(collection.ToDateTime(new TimeOnly(15, 0)), TimeSpan.FromHours(8))),
        };
        if (withExportPapers)
        {
            record.ExportPapers.Add("EXPORT-" + Guid.NewGuid().ToString("N")[..6]);
        }
        return record;
    }

    /// <summary>Moves the clock to <paramref name="day"/> at <paramref name="hour"/>:00 Shanghai (never back).</summary>
    public void ClockTo(DateOnly day, int hour) =>
        fixture.Clock.AdvanceTo(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8)));

    /// <summary>Completes the current step of <paramref name="c"/> with valid data by its owner (and the city's co-signature).</summary>
    public async Task<CollectionCase> CompleteStepAsync(CollectionCase c)
    {
        var city = await CityAsync();
        var local = await LocalAsync();
        var hospital = await HospitalAsync();
        switch (c.Status)
        {
            case CollectionCaseStatus.MedicalExam:
                return await hospital.CompleteMedicalExamAsync(new CompleteMedicalExamRequest { Name = c.Name, MedicalExam = Exam() });
            case CollectionCaseStatus.Evaluation:
                if (c.Evaluation is null)
                {
                    c = await hospital.RecordEvaluationAsync(new RecordEvaluationRequest { Name = c.Name, Evaluation = Evaluation() });
                }
                return await city.CoSignEvaluationAsync(new CoSignEvaluationRequest { Name = c.Name });
            case CollectionCaseStatus.CollectionPlan:
                return await city.CompleteCollectionPlanAsync(new CompleteCollectionPlanRequest { Name = c.Name, Plan = Plan() });
            case CollectionCaseStatus.AdmissionAndMobilisation:
                ClockTo(Parse(c.Plan.CollectionDates[0]), 8);
                return await hospital.CompleteMobilisationAsync(new CompleteMobilisationRequest { Name = c.Name, Mobilisation = Mobilisation(c) });
            case CollectionCaseStatus.CollectionAndHandover:
                ClockTo(Parse(c.Plan.CollectionDates[0]), 16);
                return await hospital.CompleteHandoverAsync(new CompleteHandoverRequest { Name = c.Name, Handover = Handover(c, c.International) });
            case CollectionCaseStatus.FollowUp:
                ClockTo(Parse(c.FollowUps[0].DueOn), 10);
                c = await local.RecordFollowUpVisitAsync(new RecordFollowUpVisitRequest
                {
                    Name = c.Name, Day = c.FollowUps[0].Day, VisitedOn = Text(Today), HealthStatus = HealthStatus.Well,
                });
                return await local.CompleteFollowUpAsync(new CompleteFollowUpRequest { Name = c.Name });
            case CollectionCaseStatus.Archiving:
                foreach (var kind in c.MissingDocuments.ToList())
                {
                    c = await city.AttachArchiveDocumentAsync(new AttachArchiveDocumentRequest
                    {
                        Name = c.Name, Kind = kind, Reference = "DMS-" + kind, Sha256 = Sha256Of(c.Name + kind),
                    });
                }
                return await city.CompleteArchivingAsync(new CompleteArchivingRequest { Name = c.Name });
            case CollectionCaseStatus.FeeSettlement:
                if (c.FeeItems.Count == 0)
                {
                    c = await city.RecordFeeItemsAsync(new RecordFeeItemsRequest
                    {
                        Name = c.Name, Items = { new FeeItem { Category = FeeCategory.DonorSubsidy, Description = "捐献者补贴", Quantity = 1, UnitFen = 300_000 } },
                    });
                }
                return await city.SettleFeesAsync(new SettleFeesRequest { Name = c.Name, Payer = "中华骨髓库", SettledOn = Text(Today) });
            default:
                throw new InvalidOperationException($"No step to complete in {c.Status}.");
        }
    }

    /// <summary>A new case brought to <paramref name="status"/> (one of the eight steps or Closed).</summary>
    public async Task<CollectionCase> AtAsync(CollectionCaseStatus status, bool international = false, bool independent = false)
    {
        var c = await OpenAsync(international, independent);
        while (c.Status != status)
        {
            c = await CompleteStepAsync(c);
        }
        return c;
    }

    public static string Sha256Of(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
