using DonationRegistry.Common;
using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.TestSupport.Identity;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// The authorisation matrix of issue 6: every rpc of every service (organ, body and tissue cases, credentials, receiving units,
/// memorials, due lists and statistics) × every role (at the target's own
/// organisation and at another) plus a service client and an anonymous caller. "Allow" means neither PERMISSION_DENIED nor
/// UNAUTHENTICATED (calls carry a stale etag, so an allowed change is ABORTED and the targets stay as they are); "deny" means
/// PERMISSION_DENIED, or UNAUTHENTICATED for the anonymous caller. The table is written from DOMAIN.md section 1 and issue 6, not
/// computed from the service's AccessPolicy. The target cases belong to hospital <see cref="OrganFixture.Hospital"/> in 330106
/// (Hangzhou); the target credential and receiving unit to Hangzhou (330100); the body and tissue targets are handled by the unit
/// <c>BRU-MATRIX-01</c>, whose staff are "own", the eye bank's staff "other".
/// </summary>
[Collection(OrganFixture.Collection)]
public sealed class AuthorizationMatrixTests(OrganFixture fixture)
{
    private const string Anonymous = "anonymous";
    private const string ServiceClient = "service";
    private const string CoordinatorOwn = "organ_coordinator:own";
    private const string CoordinatorOther = "organ_coordinator:other";
    private const string OfficerProvince = "registry_officer:province";
    private const string OfficerOwn = "registry_officer:own";
    private const string OfficerOther = "registry_officer:other";
    private const string AuditorOwn = "auditor:own";
    private const string AuditorOther = "auditor:other";
    private const string Administrator = "administrator";
    private const string UnitOwn = "receiving_unit_staff:own";
    private const string UnitOther = "receiving_unit_staff:other";
    private const string MatrixUnit = "BRU-MATRIX-01";

    private static readonly string[] Everyone =
    [
        Anonymous, ServiceClient, CoordinatorOwn, CoordinatorOther, OfficerProvince, OfficerOwn, OfficerOther, AuditorOwn, AuditorOther,
        Administrator, Roles.RegistrationClerk, Roles.HscCoordinator, Roles.LocalRedCrossOfficer, Roles.CollectionHospitalStaff,
        Roles.FamilyCareStaff, UnitOwn, UnitOther,
    ];

    private static readonly string[] CaseReaders = [CoordinatorOwn, OfficerProvince, OfficerOwn, AuditorOwn];
    private static readonly string[] CaseWorkers = [CoordinatorOwn];
    private static readonly string[] CredentialManagers = [OfficerProvince, OfficerOwn, Administrator];
    private static readonly string[] DonationCaseReaders = [CoordinatorOwn, OfficerProvince, OfficerOwn, AuditorOwn, UnitOwn];
    private static readonly string[] DonationCaseListers =
        [CoordinatorOwn, CoordinatorOther, OfficerProvince, OfficerOwn, OfficerOther, AuditorOwn, AuditorOther, UnitOwn, UnitOther];
    private static readonly string[] UnitReaders =
        [CoordinatorOwn, CoordinatorOther, OfficerProvince, OfficerOwn, OfficerOther, AuditorOwn, AuditorOther, Administrator, UnitOwn, UnitOther];

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["CreateOrganCase"] = [CoordinatorOwn],
        ["GetOrganCase"] = CaseReaders,
        // A list is filtered to the caller's organisation rather than refused.
        ["ListOrganCases"] = [CoordinatorOwn, CoordinatorOther, OfficerProvince, OfficerOwn, OfficerOther, AuditorOwn, AuditorOther],
        ["CheckRegistry"] = CaseWorkers,
        ["StartEvaluation"] = CaseWorkers,
        ["ApproachFamily"] = CaseWorkers,
        ["SignConsent"] = CaseWorkers,
        ["SubmitToEthics"] = CaseWorkers,
        ["RecordEthicsDecision"] = CaseWorkers,
        ["DeclareDeath"] = CaseWorkers,
        // Only the provincial Red Cross appoints witnesses (条例 Art 19).
        ["AssignWitnesses"] = [OfficerProvince],
        ["StartAllocation"] = CaseWorkers,
        ["StartProcurement"] = CaseWorkers,
        ["RecordOrganOutcome"] = CaseWorkers,
        ["RestoreBody"] = CaseWorkers,
        ["RecordWitnessReport"] = CaseWorkers,
        ["ReleaseBody"] = CaseWorkers,
        ["IssueCertificate"] = CaseWorkers,
        ["CompleteOrganCase"] = CaseWorkers,
        ["CloseOrganCase"] = CaseWorkers,
        ["GetOrganCaseDiagram"] = [CoordinatorOwn, CoordinatorOther, OfficerProvince, OfficerOwn, OfficerOther, AuditorOwn, AuditorOther],
        ["CreateCredential"] = CredentialManagers,
        ["GetCredential"] = [OfficerProvince, OfficerOwn, Administrator, AuditorOwn, AuditorOther],
        ["RecordTraining"] = CredentialManagers,
        ["CertifyCredential"] = CredentialManagers,
        ["RenewCredential"] = CredentialManagers,
        ["SuspendCredential"] = CredentialManagers,
        ["ReinstateCredential"] = CredentialManagers,
        ["RevokeCredential"] = CredentialManagers,
        // Public check of a credential number.
        ["CheckCredential"] = Everyone,
        // Body cases: the coordinator runs them, the receiving unit's own staff receive, use and dispose.
        ["CreateBodyCase"] = [CoordinatorOwn],
        ["GetBodyCase"] = DonationCaseReaders,
        ["ListBodyCases"] = DonationCaseListers,
        ["AgreeHandover"] = [CoordinatorOwn],
        ["ReceiveBody"] = [UnitOwn],
        ["StartBodyUse"] = [UnitOwn],
        ["RecordBodyDisposal"] = [UnitOwn],
        ["RejectBodyCase"] = [CoordinatorOwn, UnitOwn],
        ["GetBodyCaseDiagram"] = DonationCaseListers,
        // Tissue cases: the coordinator opens them, the bank's own staff recover and use.
        ["CreateTissueCase"] = [CoordinatorOwn],
        ["GetTissueCase"] = DonationCaseReaders,
        ["ListTissueCases"] = DonationCaseListers,
        ["RecoverTissue"] = [UnitOwn],
        ["RecordTissueUse"] = [UnitOwn],
        ["DeclineTissueCase"] = [CoordinatorOwn, UnitOwn],
        ["GetTissueCaseDiagram"] = DonationCaseListers,
        // Reference data: officers inside their region and administrators manage, every case role reads.
        ["CreateReceivingUnit"] = CredentialManagers,
        ["UpdateReceivingUnit"] = CredentialManagers,
        ["GetReceivingUnit"] = UnitReaders,
        ["ListReceivingUnits"] = UnitReaders,
        // Memorials: the case's coordinator records, readers of the case read, anyone sees the consented inscriptions.
        ["RecordMemorial"] = [CoordinatorOwn],
        ["GetMemorial"] = CaseReaders,
        ["ListMemorials"] = Everyone,
        // Due lists filter to the caller's reach; statistics for officers, auditors (their region) and administrators.
        ["ListDueItems"] = DonationCaseListers,
        ["GetDonationStatistics"] = [OfficerProvince, OfficerOwn, OfficerOther, AuditorOwn, AuditorOther, Administrator],
    };

    private static readonly SemaphoreSlim WorldLock = new(1, 1);
    private static World? _world;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var rpc in Allowed.Keys)
        {
            foreach (var caller in Everyone)
            {
                data.Add(rpc, caller);
            }
        }
        return data;
    }

    [Fact]
    public void Matrix_WhenListed_CoversEveryRpcOfEveryService()
    {
        var rpcs = new[]
            {
                OrganCases.Descriptor, CoordinatorCredentials.Descriptor, BodyDonationCases.Descriptor, TissueDonationCases.Descriptor,
                ReceivingUnits.Descriptor, Memorials.Descriptor, DonationOverview.Descriptor,
            }.SelectMany(s => s.Methods).Select(m => m.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(rpcs, Allowed.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rpc_WhenCalledByRoleAndOrganisation_IsAllowedOrDeniedAsTheTableSays(string rpc, string caller)
    {
        var world = await WorldAsync();
        var token = caller == Anonymous ? null : world.Tokens[caller];

        var status = await CallAsync(world, rpc, token);

        if (Allowed[rpc].Contains(caller))
        {
            Assert.True(status is not (StatusCode.PermissionDenied or StatusCode.Unauthenticated), $"{rpc} by {caller}: expected allowed, got {status}.");
        }
        else
        {
            Assert.Equal(caller == Anonymous ? StatusCode.Unauthenticated : StatusCode.PermissionDenied, status);
        }
    }

    private async Task<StatusCode> CallAsync(World world, string rpc, string? token)
    {
        var cases = fixture.Cases(token);
        var credentials = fixture.Credentials(token);
        var bodies = fixture.Bodies(token);
        var tissues = fixture.Tissues(token);
        var units = fixture.Units(token);
        var memorials = fixture.Memorials(token);
        var overview = fixture.Overview(token);
        var body = world.BodyName;
        var tissue = world.TissueName;
        var c = world.CaseName;
        var cred = world.CredentialName;
        const string stale = "1";
        try
        {
            _ = rpc switch
            {
                "CreateOrganCase" => (object)await cases.CreateOrganCaseAsync(new CreateOrganCaseRequest { RegionCode = OrganFixture.Region, HospitalId = OrganFixture.Hospital }),
                "GetOrganCase" => await cases.GetOrganCaseAsync(new GetOrganCaseRequest { Name = c, Purpose = "matrix" }),
                "ListOrganCases" => await cases.ListOrganCasesAsync(new ListOrganCasesRequest { Purpose = "matrix" }),
                "CheckRegistry" => await cases.CheckRegistryAsync(new CheckRegistryRequest { Name = c, Etag = stale }),
                "StartEvaluation" => await cases.StartEvaluationAsync(new OrganCaseStepRequest { Name = c, Etag = stale }),
                "ApproachFamily" => await cases.ApproachFamilyAsync(new OrganCaseStepRequest { Name = c, Etag = stale }),
                "SignConsent" => await cases.SignConsentAsync(new SignConsentRequest { Name = c, Etag = stale, Consent = CaseSteps.Consent() }),
                "SubmitToEthics" => await cases.SubmitToEthicsAsync(new OrganCaseStepRequest { Name = c, Etag = stale }),
                "RecordEthicsDecision" => await cases.RecordEthicsDecisionAsync(new RecordEthicsDecisionRequest { Name = c, Etag = stale, CommitteeSize = 3, Approvals = 3, DocumentReference = "E" }),
                "DeclareDeath" => await cases.DeclareDeathAsync(new DeclareDeathRequest { Name = c, Etag = stale }),
                "AssignWitnesses" => await cases.AssignWitnessesAsync(new AssignWitnessesRequest { Name = c, Etag = stale }),
                "StartAllocation" => await cases.StartAllocationAsync(new StartAllocationRequest { Name = c, Etag = stale, CotrsDonorId = "X" }),
                "StartProcurement" => await cases.StartProcurementAsync(new StartProcurementRequest { Name = c, Etag = stale }),
                "RecordOrganOutcome" => await cases.RecordOrganOutcomeAsync(new RecordOrganOutcomeRequest { Name = c, Etag = stale }),
                "RestoreBody" => await cases.RestoreBodyAsync(new DocumentStepRequest { Name = c, Etag = stale, DocumentReference = "R" }),
                "RecordWitnessReport" => await cases.RecordWitnessReportAsync(new RecordWitnessReportRequest { Name = c, Etag = stale }),
                "ReleaseBody" => await cases.ReleaseBodyAsync(new ReleaseBodyRequest { Name = c, Etag = stale, Recipient = BodyRecipient.Family }),
                "IssueCertificate" => await cases.IssueCertificateAsync(new IssueCertificateRequest { Name = c, Etag = stale, CertificateNumber = "C" }),
                "CompleteOrganCase" => await cases.CompleteOrganCaseAsync(new CompleteOrganCaseRequest { Name = c, Etag = stale }),
                "CloseOrganCase" => await cases.CloseOrganCaseAsync(new CloseOrganCaseRequest { Name = c, Etag = stale, Reason = ClosureReason.NotProgressed, Note = "n" }),
                "GetOrganCaseDiagram" => await cases.GetOrganCaseDiagramAsync(new GetOrganCaseDiagramRequest()),
                "CreateCredential" => await credentials.CreateCredentialAsync(new CreateCredentialRequest { HolderId = "matrix-" + Guid.NewGuid().ToString("N")[..8], OrgId = "RC-330100", RegionCode = "330100" }),
                "GetCredential" => await credentials.GetCredentialAsync(new GetCredentialRequest { Name = cred }),
                "RecordTraining" => await credentials.RecordTrainingAsync(new RecordTrainingRequest { Name = cred, Etag = stale, Hours = 1, CourseReference = "C" }),
                "CertifyCredential" => await credentials.CertifyCredentialAsync(new CertifyCredentialRequest { Name = cred, Etag = stale, Number = "N-" + Guid.NewGuid().ToString("N")[..6] }),
                "RenewCredential" => await credentials.RenewCredentialAsync(new CredentialStepRequest { Name = cred, Etag = stale }),
                "SuspendCredential" => await credentials.SuspendCredentialAsync(new SuspendCredentialRequest { Name = cred, Etag = stale, Reason = "r" }),
                "ReinstateCredential" => await credentials.ReinstateCredentialAsync(new CredentialStepRequest { Name = cred, Etag = stale }),
                "RevokeCredential" => await credentials.RevokeCredentialAsync(new RevokeCredentialRequest { Name = cred, Etag = stale, Reason = RevocationReason.LeftRole }),
                "CheckCredential" => await credentials.CheckCredentialAsync(new CheckCredentialRequest { Number = "ZJ-unknown" }),
                "CreateBodyCase" => await bodies.CreateBodyCaseAsync(new CreateBodyCaseRequest
                {
                    RegionCode = OrganFixture.Region, OrgId = OrganFixture.Hospital, DeathTime = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(-1)),
                }),
                "GetBodyCase" => await bodies.GetBodyCaseAsync(new GetBodyCaseRequest { Name = body, Purpose = "matrix" }),
                "ListBodyCases" => await bodies.ListBodyCasesAsync(new ListBodyCasesRequest { Purpose = "matrix" }),
                "AgreeHandover" => await bodies.AgreeHandoverAsync(new AgreeHandoverRequest { Name = body, Etag = stale, ReceivingUnit = "receivingUnits/" + MatrixUnit }),
                "ReceiveBody" => await bodies.ReceiveBodyAsync(new ReceiveBodyRequest { Name = body, Etag = stale, DocumentReference = "R" }),
                "StartBodyUse" => await bodies.StartBodyUseAsync(new StartBodyUseRequest { Name = body, Etag = stale, Use = BodyUse.Teaching }),
                "RecordBodyDisposal" => await bodies.RecordBodyDisposalAsync(new RecordBodyDisposalRequest { Name = body, Etag = stale, Disposal = BodyDisposal.Cremation }),
                "RejectBodyCase" => await bodies.RejectBodyCaseAsync(new RejectBodyCaseRequest { Name = body, Etag = stale, Reason = BodyRejectionReason.TooLate }),
                "GetBodyCaseDiagram" => await bodies.GetBodyCaseDiagramAsync(new GetBodyCaseDiagramRequest()),
                "CreateTissueCase" => await tissues.CreateTissueCaseAsync(new CreateTissueCaseRequest
                {
                    Kind = TissueKind.Cornea, RegionCode = OrganFixture.Region, OrgId = OrganFixture.Hospital, ReceivingUnit = "receivingUnits/" + MatrixUnit,
                    DeathTime = Timestamp.FromDateTime(DateTime.UtcNow.AddHours(-1)),
                }),
                "GetTissueCase" => await tissues.GetTissueCaseAsync(new GetTissueCaseRequest { Name = tissue, Purpose = "matrix" }),
                "ListTissueCases" => await tissues.ListTissueCasesAsync(new ListTissueCasesRequest { Purpose = "matrix" }),
                "RecoverTissue" => await tissues.RecoverTissueAsync(new RecoverTissueRequest { Name = tissue, Etag = stale, RecoverTime = Timestamp.FromDateTime(DateTime.UtcNow), DocumentReference = "R" }),
                "RecordTissueUse" => await tissues.RecordTissueUseAsync(new RecordTissueUseRequest { Name = tissue, Etag = stale, Use = TissueUse.Transplant }),
                "DeclineTissueCase" => await tissues.DeclineTissueCaseAsync(new DeclineTissueCaseRequest { Name = tissue, Etag = stale, Reason = TissueDeclineReason.BankUnavailable }),
                "GetTissueCaseDiagram" => await tissues.GetTissueCaseDiagramAsync(new GetTissueCaseDiagramRequest()),
                "CreateReceivingUnit" => await units.CreateReceivingUnitAsync(new CreateReceivingUnitRequest
                {
                    ReceivingUnitId = "EB-M-" + Guid.NewGuid().ToString("N")[..8],
                    ReceivingUnit = new ReceivingUnit { DisplayName = "矩阵眼库", Kind = ReceivingUnitKind.EyeBank, RegionCode = "330100", AcceptedDonations = { DonationKind.CorneaDonation }, Active = true },
                }),
                "UpdateReceivingUnit" => await units.UpdateReceivingUnitAsync(new UpdateReceivingUnitRequest
                {
                    ReceivingUnit = new ReceivingUnit
                    {
                        Name = "receivingUnits/" + MatrixUnit, Etag = stale, DisplayName = "矩阵接收单位", Kind = ReceivingUnitKind.BodyReceivingUnit, RegionCode = "330100",
                        AcceptedDonations = { DonationKind.BodyDonation, DonationKind.CorneaDonation }, Active = true,
                    },
                }),
                "GetReceivingUnit" => await units.GetReceivingUnitAsync(new GetReceivingUnitRequest { Name = "receivingUnits/" + MatrixUnit }),
                "ListReceivingUnits" => await units.ListReceivingUnitsAsync(new ListReceivingUnitsRequest()),
                "RecordMemorial" => await memorials.RecordMemorialAsync(DonationSteps.Memorial(body, stale)),
                "GetMemorial" => await memorials.GetMemorialAsync(new GetMemorialRequest { Name = world.MemorialName, Purpose = "matrix" }),
                "ListMemorials" => await memorials.ListMemorialsAsync(new ListMemorialsRequest()),
                "ListDueItems" => await overview.ListDueItemsAsync(new ListDueItemsRequest()),
                "GetDonationStatistics" => await overview.GetDonationStatisticsAsync(new GetDonationStatisticsRequest()),
                _ => throw new InvalidOperationException(rpc),
            };
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    private async Task<World> WorldAsync()
    {
        await WorldLock.WaitAsync();
        try
        {
            if (_world is not null)
            {
                return _world;
            }
            var steps = new CaseSteps(fixture);
            var target = await steps.ReferAsync();
            var officerToken = await fixture.ProvincialOfficerTokenAsync();
            await fixture.Units(officerToken).CreateReceivingUnitAsync(new CreateReceivingUnitRequest
            {
                ReceivingUnitId = MatrixUnit,
                ReceivingUnit = new ReceivingUnit
                {
                    DisplayName = "矩阵接收单位", Kind = ReceivingUnitKind.BodyReceivingUnit, RegionCode = "330100",
                    AcceptedDonations = { DonationKind.BodyDonation, DonationKind.CorneaDonation }, Active = true,
                },
            });
            var donations = new DonationSteps(fixture);
            var body = await donations.CreateBodyAsync();
            body = await (await donations.BodyCoordinatorAsync()).AgreeHandoverAsync(new AgreeHandoverRequest
            {
                Name = body.Name, Etag = body.Etag, ReceivingUnit = "receivingUnits/" + MatrixUnit,
            });
            var tissue = await donations.CreateTissueAsync(TissueKind.Cornea, bank: MatrixUnit);
            var remembered = await donations.BodyInStateAsync(BodyCaseState.Disposed);
            var memorial = await (await donations.MemorialsAsync()).RecordMemorialAsync(DonationSteps.Memorial(remembered.Name, remembered.Etag));
            var officer = fixture.Credentials(await fixture.ProvincialOfficerTokenAsync());
            var credential = await officer.CreateCredentialAsync(new CreateCredentialRequest
            {
                HolderId = "matrix-target-" + Guid.NewGuid().ToString("N")[..8], OrgId = "RC-330100", RegionCode = "330100",
            });
            var tokens = new Dictionary<string, string>
            {
                [ServiceClient] = await fixture.Identity.ClientTokenAsync("familycare", IdentityServer.ClientSecrets["familycare"], Scopes.Organ),
                [CoordinatorOwn] = await fixture.CoordinatorTokenAsync(),
                [CoordinatorOther] = await fixture.CoordinatorTokenAsync("HOSP-330206-09", "330206"),
                [OfficerProvince] = await fixture.ProvincialOfficerTokenAsync(),
                [OfficerOwn] = await fixture.OfficerTokenAsync("330100"),
                [OfficerOther] = await fixture.OfficerTokenAsync("330200"),
                [AuditorOwn] = await fixture.TokenForRoleAsync(Roles.Auditor, "AUDIT-330100", "330100", "city"),
                [AuditorOther] = await fixture.TokenForRoleAsync(Roles.Auditor, "AUDIT-330200", "330200", "city"),
                [Administrator] = await fixture.TokenForRoleAsync(Roles.Administrator, "IT-330000", "330000", "province"),
            };
            foreach (var role in new[] { Roles.RegistrationClerk, Roles.HscCoordinator, Roles.LocalRedCrossOfficer, Roles.CollectionHospitalStaff, Roles.FamilyCareStaff })
            {
                tokens[role] = await fixture.TokenForRoleAsync(role, "ORG-330100", "330100", "city");
            }
            tokens[UnitOwn] = await fixture.UnitStaffTokenAsync(MatrixUnit);
            tokens[UnitOther] = await fixture.UnitStaffTokenAsync(OrganFixture.EyeBank);
            _world = new World(target.Name, credential.Name, body.Name, tissue.Name, memorial.Name, tokens);
            return _world;
        }
        finally
        {
            WorldLock.Release();
        }
    }

    private sealed record World(string CaseName, string CredentialName, string BodyName, string TissueName, string MemorialName,
        IReadOnlyDictionary<string, string> Tokens);
}
