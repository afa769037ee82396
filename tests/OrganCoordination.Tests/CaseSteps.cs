extern alias organ;

using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.TestSupport;
using Google.Protobuf.WellKnownTypes;
using OrganDbContext = organ::DonationRegistry.OrganCoordination.Infrastructure.OrganDbContext;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// Drives an organ case through the API: the hospital coordinator for the case work, the provincial officer for witnesses. By default
/// on the fixture's service; with <paramref name="host"/> on another one (its coordinator token and clock given).
/// </summary>
public sealed class CaseSteps(OrganFixture fixture, ServiceHost<OrganDbContext>? host = null, string? coordinatorToken = null,
    TimeProvider? clock = null)
{
    public const string Purpose = "integration test";

    public async Task<OrganCases.OrganCasesClient> CoordinatorAsync() =>
        new((host ?? fixture.Organ).Channel(coordinatorToken ?? await fixture.CoordinatorTokenAsync()));

    public async Task<OrganCase> ReferAsync(string? idNumber = null) =>
        await (await CoordinatorAsync()).CreateOrganCaseAsync(new CreateOrganCaseRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            RegionCode = OrganFixture.Region,
            HospitalId = OrganFixture.Hospital,
            DonorIdType = IdType.ResidentId,
            DonorIdNumber = idNumber ?? People.NewIdNumber(),
        });

    public static FamilyConsent Consent(bool body = false) => new()
    {
        RequiredRelatives = { new Relative { Reference = "R1", Kind = RelativeKind.Spouse }, new Relative { Reference = "R2", Kind = RelativeKind.Parent } },
        SignedBy = { "R1", "R2" },
        Organs = { Organ.Liver, Organ.LeftKidney },
        IncludesBody = body,
        DocumentReference = "CONSENT-1",
    };

    /// <summary>A case moved by legal steps until it is in <paramref name="target"/> (the registry answers what it holds).</summary>
    public async Task<OrganCase> InStateAsync(OrganCaseState target, string? idNumber = null)
    {
        var c = await ReferAsync(idNumber);
        var client = await CoordinatorAsync();
        while (c.State != target)
        {
            c = c.State switch
            {
                OrganCaseState.Referred => await client.CheckRegistryAsync(new CheckRegistryRequest { Name = c.Name, Etag = c.Etag }),
                OrganCaseState.RegistryChecked => await client.StartEvaluationAsync(new OrganCaseStepRequest { Name = c.Name, Etag = c.Etag }),
                OrganCaseState.Evaluating => await client.ApproachFamilyAsync(new OrganCaseStepRequest { Name = c.Name, Etag = c.Etag }),
                OrganCaseState.FamilyApproach => await client.SignConsentAsync(new SignConsentRequest { Name = c.Name, Etag = c.Etag, Consent = Consent() }),
                OrganCaseState.ConsentSigned => await client.SubmitToEthicsAsync(new OrganCaseStepRequest { Name = c.Name, Etag = c.Etag }),
                OrganCaseState.EthicsReview => await client.RecordEthicsDecisionAsync(new RecordEthicsDecisionRequest
                {
                    Name = c.Name, Etag = c.Etag, CommitteeSize = 9, Approvals = 7, DocumentReference = "ETH-1",
                }),
                OrganCaseState.DeathDetermination => await client.DeclareDeathAsync(new DeclareDeathRequest
                {
                    Name = c.Name, Etag = c.Etag,
                    Death = new DeathDeclaration
                    {
                        Category = DeathCategory.BrainDeath, DeathTime = Timestamp.FromDateTimeOffset((clock ?? TimeProvider.System).GetUtcNow().AddMinutes(-5)),
                        DeterminingPhysicians = { "dr-a", "dr-b" }, DocumentReference = "DD-1",
                    },
                }),
                OrganCaseState.DeathDeclared => await AssignWitnessesAsync(c),
                OrganCaseState.WitnessAssigned => await client.StartAllocationAsync(new StartAllocationRequest { Name = c.Name, Etag = c.Etag, CotrsDonorId = "COTRS-1" }),
                OrganCaseState.AllocationRunning => await client.StartProcurementAsync(new StartProcurementRequest
                {
                    Name = c.Name, Etag = c.Etag, Organs = { Organ.Liver, Organ.LeftKidney }, Team = { "surgeon-x", "surgeon-y" },
                }),
                OrganCaseState.Procuring => await RecordOutcomesAndRestoreAsync(client, c),
                OrganCaseState.BodyRestored => await client.RecordWitnessReportAsync(new RecordWitnessReportRequest
                {
                    Name = c.Name, Etag = c.Etag, ReportReference = "WR-1", SignedBy = { c.Witnesses.Select(w => w.CoordinatorId) },
                }),
                OrganCaseState.Witnessed => await client.ReleaseBodyAsync(new ReleaseBodyRequest { Name = c.Name, Etag = c.Etag, Recipient = BodyRecipient.Family }),
                OrganCaseState.BodyReleased => await client.IssueCertificateAsync(new IssueCertificateRequest { Name = c.Name, Etag = c.Etag, CertificateNumber = "CERT-1" }),
                OrganCaseState.CertificateIssued => await client.CompleteOrganCaseAsync(new CompleteOrganCaseRequest
                {
                    Name = c.Name, Etag = c.Etag, FamilyCareContactConsent = true,
                }),
                _ => throw new InvalidOperationException($"{target} is not reachable on the main path from {c.State}."),
            };
        }
        return c;
    }

    public async Task<OrganCase> AssignWitnessesAsync(OrganCase c)
    {
        var first = await fixture.CertifiedCoordinatorAsync(host: host);
        var second = await fixture.CertifiedCoordinatorAsync(host: host);
        return await new OrganCases.OrganCasesClient((host ?? fixture.Organ).Channel(await fixture.ProvincialOfficerTokenAsync())).AssignWitnessesAsync(new AssignWitnessesRequest
        {
            Name = c.Name, Etag = c.Etag, CredentialNumbers = { first.Number, second.Number },
        });
    }

    private static async Task<OrganCase> RecordOutcomesAndRestoreAsync(OrganCases.OrganCasesClient client, OrganCase c)
    {
        c = await client.RecordOrganOutcomeAsync(new RecordOrganOutcomeRequest
        {
            Name = c.Name, Etag = c.Etag, Organ = Organ.Liver, Kind = OrganOutcomeKind.Transplanted, ReceivingHospital = "浙江大学医学院附属第一医院",
        });
        c = await client.RecordOrganOutcomeAsync(new RecordOrganOutcomeRequest
        {
            Name = c.Name, Etag = c.Etag, Organ = Organ.LeftKidney, Kind = OrganOutcomeKind.Discarded, DiscardReason = "biopsy",
        });
        return await client.RestoreBodyAsync(new DocumentStepRequest { Name = c.Name, Etag = c.Etag, DocumentReference = "REST-1" });
    }
}
