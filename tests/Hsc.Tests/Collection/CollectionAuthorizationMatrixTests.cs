using DonationRegistry.Common;
using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Hsc.Tests.Collection;

/// <summary>
/// Every collection rpc × role × organisation, both ways: a case walks through the procedure while, at each rpc, every caller not
/// allowed is refused with PERMISSION_DENIED (nothing changes) and each allowed caller succeeds. Callers: the case's three parties,
/// the same roles at other organisations, auditors of the province and of another city, and roles with no business here.
/// </summary>
[Collection(CollectionFixture.Collection)]
public sealed class CollectionAuthorizationMatrixTests(CollectionFixture fixture)
{
    private readonly CollectionSteps _steps = new(fixture, Parties.Ningbo);

    private static readonly Dictionary<string, (string Role, string OrgId, string Region)> Callers = new()
    {
        ["city"] = (Roles.HscCoordinator, "RC-330200", "330200"),
        ["local"] = (Roles.LocalRedCrossOfficer, "RC-330203", "330203"),
        ["hospital"] = (Roles.CollectionHospitalStaff, "H-330203-0001", "330203"),
        ["other city"] = (Roles.HscCoordinator, "RC-330100", "330100"),
        ["other county"] = (Roles.LocalRedCrossOfficer, "RC-330204", "330204"),
        ["other hospital"] = (Roles.CollectionHospitalStaff, "H-330203-0002", "330203"),
        ["province auditor"] = (Roles.Auditor, "RC-330000", "330000"),
        ["Hangzhou auditor"] = (Roles.Auditor, "RC-330100", "330100"),
        ["Ningbo registry officer"] = (Roles.RegistryOfficer, "RC-330200", "330200"),
        ["clerk"] = (Roles.RegistrationClerk, "RP-330200-0001", "330200"),
        ["administrator"] = (Roles.Administrator, "RC-330000", "330000"),
    };

    private static readonly string[] Parties3 = ["city", "local", "hospital"];
    private static readonly string[] CaseReaders = ["city", "local", "hospital", "province auditor"];
    private static readonly string[] CaseRoles =
        ["city", "local", "hospital", "other city", "other county", "other hospital", "province auditor", "Hangzhou auditor"];

    private readonly List<string> _failures = [];

    [Fact]
    public async Task EveryRpc_ForEveryRoleAndOrganisation_IsAllowedExactlyToItsParties()
    {
        var (request, _, _) = await _steps.SelectedRequestAsync();
        CollectionCase c = null!;
        await Check("OpenCollectionCase", ["city"], async x =>
            c = await x.OpenCollectionCaseAsync(new OpenCollectionCaseRequest { DonorRequest = request, HospitalOrgId = "H-330203-0001" }));
        await Check("GetCollectionCase", CaseReaders, x => x.GetCollectionCaseAsync(new GetCollectionCaseRequest { Name = c.Name, Purpose = "matrix" }).ResponseAsync);
        await Check("ListCollectionCases", CaseRoles, async x =>
        {
            var page = await x.ListCollectionCasesAsync(new ListCollectionCasesRequest { Purpose = "matrix", PageSize = 500 });
            var sees = page.CollectionCases.Any(k => k.Name == c.Name);
            var should = CaseReaders.Contains(CallerName(x));
            if (sees != should)
            {
                _failures.Add($"ListCollectionCases: {CallerName(x)} {(sees ? "sees" : "misses")} the case");
            }
        });
        await Check("ListDueItems", CaseRoles, x => x.ListDueItemsAsync(new ListDueItemsRequest()).ResponseAsync);
        await Check("GetCollectionCaseDiagram", [.. Callers.Keys], x => x.GetCollectionCaseDiagramAsync(new GetCollectionCaseDiagramRequest()).ResponseAsync);
        await Check("GetCollectionStatistics", ["city", "other city", "province auditor", "Hangzhou auditor", "Ningbo registry officer"],
            x => x.GetCollectionStatisticsAsync(new GetCollectionStatisticsRequest()).ResponseAsync);
        await Check("CompleteMedicalExam", ["hospital"], x => x.CompleteMedicalExamAsync(new CompleteMedicalExamRequest { Name = c.Name, MedicalExam = _steps.Exam() }).ResponseAsync);
        await Check("RecordEvaluation", ["hospital"], x => x.RecordEvaluationAsync(new RecordEvaluationRequest { Name = c.Name, Evaluation = _steps.Evaluation() }).ResponseAsync);
        await Check("CoSignEvaluation", ["city"], x => x.CoSignEvaluationAsync(new CoSignEvaluationRequest { Name = c.Name }).ResponseAsync);
        await Check("AttachArchiveDocument", ["city"], x => x.AttachArchiveDocumentAsync(new AttachArchiveDocumentRequest
        {
            Name = c.Name, Kind = DocumentKind.InformedConsent, Reference = "DMS-1", Sha256 = CollectionSteps.Sha256Of("consent"),
        }).ResponseAsync);
        await Check("RecordFeeItems", ["city"], x => x.RecordFeeItemsAsync(new RecordFeeItemsRequest
        {
            Name = c.Name, Items = { new FeeItem { Category = FeeCategory.MedicalExam, Quantity = 1, UnitFen = 50_000 } },
        }).ResponseAsync);
        await Check("SuspendCase", ["city"], x => x.SuspendCaseAsync(new SuspendCaseRequest { Name = c.Name, Reason = "donor ill" }).ResponseAsync);
        await Check("ResumeCase", ["city"], x => x.ResumeCaseAsync(new ResumeCaseRequest { Name = c.Name }).ResponseAsync);
        await Check("CompleteCollectionPlan", ["city"], x => x.CompleteCollectionPlanAsync(new CompleteCollectionPlanRequest { Name = c.Name, Plan = _steps.Plan() }).ResponseAsync);
        c = await Read(c);
        _steps.ClockTo(CollectionSteps.Parse(c.Plan.CollectionDates[0]), 16);
        await Check("CompleteMobilisation", ["hospital"], x => x.CompleteMobilisationAsync(new CompleteMobilisationRequest { Name = c.Name, Mobilisation = CollectionSteps.Mobilisation(c) }).ResponseAsync);
        await Check("CompleteHandover", ["hospital"], x => x.CompleteHandoverAsync(new CompleteHandoverRequest { Name = c.Name, Handover = CollectionSteps.Handover(c) }).ResponseAsync);
        await Check("RecordFollowUpVisit", ["local"], x => x.RecordFollowUpVisitAsync(new RecordFollowUpVisitRequest
        {
            Name = c.Name, Day = 7, VisitedOn = CollectionSteps.Text(_steps.Today), HealthStatus = HealthStatus.Well,
        }).ResponseAsync);
        await Check("CompleteFollowUp", ["local"], x => x.CompleteFollowUpAsync(new CompleteFollowUpRequest { Name = c.Name }).ResponseAsync);
        c = await Read(c);
        foreach (var kind in c.MissingDocuments)
        {
            await (await _steps.CityAsync()).AttachArchiveDocumentAsync(new AttachArchiveDocumentRequest
            {
                Name = c.Name, Kind = kind, Reference = "DMS-" + kind, Sha256 = CollectionSteps.Sha256Of(kind.ToString()),
            });
        }
        await Check("CompleteArchiving", ["city"], x => x.CompleteArchivingAsync(new CompleteArchivingRequest { Name = c.Name }).ResponseAsync);
        await Check("SettleFees", ["city"], x => x.SettleFeesAsync(new SettleFeesRequest { Name = c.Name, Payer = "中华骨髓库", SettledOn = CollectionSteps.Text(_steps.Today) }).ResponseAsync);
        Assert.Equal(CollectionCaseStatus.Closed, (await Read(c)).Status);

        // Cancel: each of the three parties may (a fresh case each).
        var cases = new Queue<CollectionCase>([await _steps.OpenAsync(), await _steps.OpenAsync(), await _steps.OpenAsync()]);
        await Check("CancelCase", Parties3, async x =>
        {
            await x.CancelCaseAsync(new CancelCaseRequest { Name = cases.Peek().Name, Reason = CancellationReason.PatientCondition, DecidedBy = DecidingParty.TransplantCentre });
            cases.Dequeue();
        });

        Assert.True(_failures.Count == 0, string.Join(Environment.NewLine, _failures));
    }

    public static TheoryData<string> Rpcs() =>
    [
        "OpenCollectionCase", "GetCollectionCase", "ListCollectionCases", "CompleteMedicalExam", "RecordEvaluation", "CoSignEvaluation",
        "CompleteCollectionPlan", "CompleteMobilisation", "CompleteHandover", "RecordFollowUpVisit", "CompleteFollowUp",
        "AttachArchiveDocument", "CompleteArchiving", "RecordFeeItems", "SettleFees", "SuspendCase", "ResumeCase", "CancelCase",
        "ListDueItems", "GetCollectionCaseDiagram", "GetCollectionStatistics",
    ];

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Rpc_WithoutAToken_IsUnauthenticated(string rpc)
    {
        var x = fixture.Client<CollectionCases.CollectionCasesClient>(null);
        var name = "collectionCases/" + Guid.NewGuid();
        Func<Task> call = rpc switch
        {
            "OpenCollectionCase" => () => x.OpenCollectionCaseAsync(new OpenCollectionCaseRequest()).ResponseAsync,
            "GetCollectionCase" => () => x.GetCollectionCaseAsync(new GetCollectionCaseRequest { Name = name }).ResponseAsync,
            "ListCollectionCases" => () => x.ListCollectionCasesAsync(new ListCollectionCasesRequest()).ResponseAsync,
            "CompleteMedicalExam" => () => x.CompleteMedicalExamAsync(new CompleteMedicalExamRequest { Name = name }).ResponseAsync,
            "RecordEvaluation" => () => x.RecordEvaluationAsync(new RecordEvaluationRequest { Name = name }).ResponseAsync,
            "CoSignEvaluation" => () => x.CoSignEvaluationAsync(new CoSignEvaluationRequest { Name = name }).ResponseAsync,
            "CompleteCollectionPlan" => () => x.CompleteCollectionPlanAsync(new CompleteCollectionPlanRequest { Name = name }).ResponseAsync,
            "CompleteMobilisation" => () => x.CompleteMobilisationAsync(new CompleteMobilisationRequest { Name = name }).ResponseAsync,
            "CompleteHandover" => () => x.CompleteHandoverAsync(new CompleteHandoverRequest { Name = name }).ResponseAsync,
            "RecordFollowUpVisit" => () => x.RecordFollowUpVisitAsync(new RecordFollowUpVisitRequest { Name = name }).ResponseAsync,
            "CompleteFollowUp" => () => x.CompleteFollowUpAsync(new CompleteFollowUpRequest { Name = name }).ResponseAsync,
            "AttachArchiveDocument" => () => x.AttachArchiveDocumentAsync(new AttachArchiveDocumentRequest { Name = name }).ResponseAsync,
            "CompleteArchiving" => () => x.CompleteArchivingAsync(new CompleteArchivingRequest { Name = name }).ResponseAsync,
            "RecordFeeItems" => () => x.RecordFeeItemsAsync(new RecordFeeItemsRequest { Name = name }).ResponseAsync,
            "SettleFees" => () => x.SettleFeesAsync(new SettleFeesRequest { Name = name }).ResponseAsync,
            "SuspendCase" => () => x.SuspendCaseAsync(new SuspendCaseRequest { Name = name }).ResponseAsync,
            "ResumeCase" => () => x.ResumeCaseAsync(new ResumeCaseRequest { Name = name }).ResponseAsync,
            "CancelCase" => () => x.CancelCaseAsync(new CancelCaseRequest { Name = name }).ResponseAsync,
            "ListDueItems" => () => x.ListDueItemsAsync(new ListDueItemsRequest()).ResponseAsync,
            "GetCollectionCaseDiagram" => () => x.GetCollectionCaseDiagramAsync(new GetCollectionCaseDiagramRequest()).ResponseAsync,
            _ => () => x.GetCollectionStatisticsAsync(new GetCollectionStatisticsRequest()).ResponseAsync,
        };

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, call);
    }

    private readonly Dictionary<CollectionCases.CollectionCasesClient, string> _names = [];

    private string CallerName(CollectionCases.CollectionCasesClient client) => _names[client];

    private async Task<Dictionary<string, CollectionCases.CollectionCasesClient>> ClientsAsync()
    {
        if (_names.Count == 0)
        {
            foreach (var (name, (role, org, region)) in Callers)
            {
                _names[await _steps.AsAsync(role, org, region)] = name;
            }
        }
        return _names.ToDictionary(p => p.Value, p => p.Key);
    }

    /// <summary>Every caller not in <paramref name="allowed"/> first (PERMISSION_DENIED, the case unchanged), then the allowed ones
    /// (success).</summary>
    private async Task Check(string rpc, string[] allowed, Func<CollectionCases.CollectionCasesClient, Task> call)
    {
        var clients = await ClientsAsync();
        foreach (var (name, client) in clients.Where(p => !allowed.Contains(p.Key)))
        {
            try
            {
                await call(client);
                _failures.Add($"{rpc}: {name} was allowed");
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.PermissionDenied)
            {
            }
            catch (RpcException ex)
            {
                _failures.Add($"{rpc}: {name} got {ex.StatusCode} ({ex.Status.Detail}) instead of PERMISSION_DENIED");
            }
        }
        foreach (var name in allowed)
        {
            try
            {
                await call(clients[name]);
            }
            catch (RpcException ex)
            {
                _failures.Add($"{rpc}: {name} was refused: {ex.StatusCode} {ex.Status.Detail}");
            }
        }
    }

    private async Task<CollectionCase> Read(CollectionCase c) =>
        await (await _steps.CityAsync()).GetCollectionCaseAsync(new GetCollectionCaseRequest { Name = c.Name, Purpose = "matrix" });
}
