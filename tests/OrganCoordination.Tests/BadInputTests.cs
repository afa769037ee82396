using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Xunit;
using DonationRegistry.TestSupport.Security;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// Bad input through gRPC → INVALID_ARGUMENT with a field violation naming the field, and nothing written: no case, timeline,
/// audit, outbox or credential row appears (counted before and after the call). Each case sets up its own target first.
/// </summary>
[Collection(OrganFixture.Collection)]
public sealed class BadInputTests(OrganFixture fixture)
{
    /// <summary>What a bad call gets: the clients and the target made for it.</summary>
    public sealed record Target(OrganCases.OrganCasesClient Coordinator, OrganCases.OrganCasesClient Officer,
        CoordinatorCredentials.CoordinatorCredentialsClient Credentials, OrganCase? Case, Credential? Credential);

    private static Timestamp Ago(int minutes) => Timestamp.FromDateTime(DateTime.UtcNow.AddMinutes(-minutes));

    private static CreateOrganCaseRequest Create(Action<CreateOrganCaseRequest> change)
    {
        var request = new CreateOrganCaseRequest
        {
            RegionCode = OrganFixture.Region, HospitalId = OrganFixture.Hospital, DonorIdType = IdType.ResidentId, DonorIdNumber = People.NewIdNumber(),
        };
        change(request);
        return request;
    }

    private static SignConsentRequest Consent(OrganCase c, Action<FamilyConsent> change)
    {
        var consent = CaseSteps.Consent();
        change(consent);
        return new SignConsentRequest { Name = c.Name, Etag = c.Etag, Consent = consent };
    }

    private static DeclareDeathRequest Death(OrganCase c, Action<DeathDeclaration> change)
    {
        var death = new DeathDeclaration { Category = DeathCategory.CirculatoryDeath, DeathTime = Ago(5), DeterminingPhysicians = { "dr-a" }, DocumentReference = "DD" };
        change(death);
        return new DeclareDeathRequest { Name = c.Name, Etag = c.Etag, Death = death };
    }

    public static TheoryData<string, OrganCaseState?, Func<Target, Task>, string> Cases() => new()
    {
        // Creating a case
        { "no region", null, t => t.Coordinator.CreateOrganCaseAsync(Create(r => r.RegionCode = "")).ResponseAsync, "region_code" },
        { "region outside Zhejiang", null, t => t.Coordinator.CreateOrganCaseAsync(Create(r => r.RegionCode = "110100")).ResponseAsync, "region_code" },
        { "no hospital", null, t => t.Coordinator.CreateOrganCaseAsync(Create(r => r.HospitalId = " ")).ResponseAsync, "hospital_id" },
        { "ID number too short", null, t => t.Coordinator.CreateOrganCaseAsync(Create(r => r.DonorIdNumber = "33010619900101123")).ResponseAsync, "donor_id_number" },
        { "ID number bad checksum", null, t => t.Coordinator.CreateOrganCaseAsync(Create(r => r.DonorIdNumber = TestIdNumbers.WithWrongCheckCharacter(r.DonorIdNumber))).ResponseAsync, "donor_id_number" },
        { "number without type", null, t => t.Coordinator.CreateOrganCaseAsync(Create(r => r.DonorIdType = IdType.Unspecified)).ResponseAsync, "donor_id_type" },
        { "passport too short", null, t => t.Coordinator.CreateOrganCaseAsync(Create(r => { r.DonorIdType = IdType.Passport; r.DonorIdNumber = "X1"; })).ResponseAsync, "donor_id_number" },
        { "request id not a UUID", null, t => t.Coordinator.CreateOrganCaseAsync(Create(r => r.RequestId = "abc")).ResponseAsync, "request_id" },
        // Names, etags, purposes, pages
        { "malformed name", OrganCaseState.Referred, t => t.Coordinator.StartEvaluationAsync(new OrganCaseStepRequest { Name = "cases/1", Etag = t.Case!.Etag }).ResponseAsync, "name" },
        { "missing etag", OrganCaseState.RegistryChecked, t => t.Coordinator.StartEvaluationAsync(new OrganCaseStepRequest { Name = t.Case!.Name }).ResponseAsync, "etag" },
        { "read without purpose", OrganCaseState.Referred, t => t.Coordinator.GetOrganCaseAsync(new GetOrganCaseRequest { Name = t.Case!.Name }).ResponseAsync, "purpose" },
        { "negative page size", null, t => t.Coordinator.ListOrganCasesAsync(new ListOrganCasesRequest { PageSize = -1, Purpose = "p" }).ResponseAsync, "page_size" },
        { "foreign page token", null, t => t.Coordinator.ListOrganCasesAsync(new ListOrganCasesRequest { PageToken = "bm90LWEta2V5", Purpose = "p" }).ResponseAsync, "page_token" },
        // Family consent
        { "no required relatives", OrganCaseState.FamilyApproach, t => t.Coordinator.SignConsentAsync(Consent(t.Case!, c => { c.RequiredRelatives.Clear(); c.SignedBy.Clear(); })).ResponseAsync, "consent.required_relatives" },
        { "a parent did not sign", OrganCaseState.FamilyApproach, t => t.Coordinator.SignConsentAsync(Consent(t.Case!, c => c.SignedBy.Remove("R2"))).ResponseAsync, "consent.signed_by" },
        { "relative kind missing", OrganCaseState.FamilyApproach, t => t.Coordinator.SignConsentAsync(Consent(t.Case!, c => c.RequiredRelatives[0].Kind = RelativeKind.Unspecified)).ResponseAsync, "consent.required_relatives" },
        { "no organs", OrganCaseState.FamilyApproach, t => t.Coordinator.SignConsentAsync(Consent(t.Case!, c => c.Organs.Clear())).ResponseAsync, "consent.organs" },
        { "organ unspecified", OrganCaseState.FamilyApproach, t => t.Coordinator.SignConsentAsync(Consent(t.Case!, c => c.Organs.Add(Organ.Unspecified))).ResponseAsync, "consent.organs" },
        { "consent form missing", OrganCaseState.FamilyApproach, t => t.Coordinator.SignConsentAsync(Consent(t.Case!, c => c.DocumentReference = "")).ResponseAsync, "consent.document_reference" },
        { "delegate not a relative", OrganCaseState.FamilyApproach, t => t.Coordinator.SignConsentAsync(Consent(t.Case!, c => c.Delegation = new FamilyDelegation { Representative = "X9", DocumentReference = "D" })).ResponseAsync, "consent.delegation.representative" },
        { "no consent at all", OrganCaseState.FamilyApproach, t => t.Coordinator.SignConsentAsync(new SignConsentRequest { Name = t.Case!.Name, Etag = t.Case.Etag }).ResponseAsync, "consent.document_reference" },
        // Ethics
        { "empty committee", OrganCaseState.EthicsReview, t => t.Coordinator.RecordEthicsDecisionAsync(new RecordEthicsDecisionRequest { Name = t.Case!.Name, Etag = t.Case.Etag, CommitteeSize = 0, DocumentReference = "E" }).ResponseAsync, "ethics.committee_size" },
        { "more approvals than members", OrganCaseState.EthicsReview, t => t.Coordinator.RecordEthicsDecisionAsync(new RecordEthicsDecisionRequest { Name = t.Case!.Name, Etag = t.Case.Etag, CommitteeSize = 5, Approvals = 6, DocumentReference = "E" }).ResponseAsync, "ethics.approvals" },
        { "no ethics document", OrganCaseState.EthicsReview, t => t.Coordinator.RecordEthicsDecisionAsync(new RecordEthicsDecisionRequest { Name = t.Case!.Name, Etag = t.Case.Etag, CommitteeSize = 5, Approvals = 5 }).ResponseAsync, "ethics.document_reference" },
        // Death
        { "death category missing", OrganCaseState.DeathDetermination, t => t.Coordinator.DeclareDeathAsync(Death(t.Case!, d => d.Category = DeathCategory.Unspecified)).ResponseAsync, "death.category" },
        { "death in the future", OrganCaseState.DeathDetermination, t => t.Coordinator.DeclareDeathAsync(Death(t.Case!, d => d.DeathTime = Ago(-60))).ResponseAsync, "death.died_at" },
        { "no determining physician", OrganCaseState.DeathDetermination, t => t.Coordinator.DeclareDeathAsync(Death(t.Case!, d => d.DeterminingPhysicians.Clear())).ResponseAsync, "death.determining_physicians" },
        { "death record missing", OrganCaseState.DeathDetermination, t => t.Coordinator.DeclareDeathAsync(Death(t.Case!, d => d.DocumentReference = "")).ResponseAsync, "death.document_reference" },
        // Witnesses, allocation, procurement, outcomes
        { "one witness", OrganCaseState.DeathDeclared, t => t.Officer.AssignWitnessesAsync(new AssignWitnessesRequest { Name = t.Case!.Name, Etag = t.Case.Etag, CredentialNumbers = { "ZJ-none" } }).ResponseAsync, "credential_numbers[0]" },
        { "unknown credential", OrganCaseState.DeathDeclared, t => t.Officer.AssignWitnessesAsync(new AssignWitnessesRequest { Name = t.Case!.Name, Etag = t.Case.Etag, CredentialNumbers = { "ZJ-none-1", "ZJ-none-2" } }).ResponseAsync, "credential_numbers[0]" },
        { "no COTRS id", OrganCaseState.WitnessAssigned, t => t.Coordinator.StartAllocationAsync(new StartAllocationRequest { Name = t.Case!.Name, Etag = t.Case.Etag }).ResponseAsync, "cotrs_donor_id" },
        { "nothing to procure", OrganCaseState.AllocationRunning, t => t.Coordinator.StartProcurementAsync(new StartProcurementRequest { Name = t.Case!.Name, Etag = t.Case.Etag, Team = { "s" } }).ResponseAsync, "procurement.organs" },
        { "organ not consented", OrganCaseState.AllocationRunning, t => t.Coordinator.StartProcurementAsync(new StartProcurementRequest { Name = t.Case!.Name, Etag = t.Case.Etag, Organs = { Organ.Pancreas }, Team = { "s" } }).ResponseAsync, "procurement.organs" },
        { "no procurement team", OrganCaseState.AllocationRunning, t => t.Coordinator.StartProcurementAsync(new StartProcurementRequest { Name = t.Case!.Name, Etag = t.Case.Etag, Organs = { Organ.Liver } }).ResponseAsync, "procurement.team" },
        { "transplant without hospital", OrganCaseState.Procuring, t => t.Coordinator.RecordOrganOutcomeAsync(new RecordOrganOutcomeRequest { Name = t.Case!.Name, Etag = t.Case.Etag, Organ = Organ.Liver, Kind = OrganOutcomeKind.Transplanted }).ResponseAsync, "outcome.receiving_hospital" },
        { "discard without reason", OrganCaseState.Procuring, t => t.Coordinator.RecordOrganOutcomeAsync(new RecordOrganOutcomeRequest { Name = t.Case!.Name, Etag = t.Case.Etag, Organ = Organ.Liver, Kind = OrganOutcomeKind.Discarded }).ResponseAsync, "outcome.discard_reason" },
        { "outcome kind missing", OrganCaseState.Procuring, t => t.Coordinator.RecordOrganOutcomeAsync(new RecordOrganOutcomeRequest { Name = t.Case!.Name, Etag = t.Case.Etag, Organ = Organ.Liver }).ResponseAsync, "outcome.kind" },
        { "outcome organ missing", OrganCaseState.Procuring, t => t.Coordinator.RecordOrganOutcomeAsync(new RecordOrganOutcomeRequest { Name = t.Case!.Name, Etag = t.Case.Etag, Kind = OrganOutcomeKind.NotRecovered }).ResponseAsync, "outcome.organ" },
        { "restore before outcomes", OrganCaseState.Procuring, t => t.Coordinator.RestoreBodyAsync(new DocumentStepRequest { Name = t.Case!.Name, Etag = t.Case.Etag, DocumentReference = "R" }).ResponseAsync, "outcomes" },
        // Closing
        { "closure reason missing", OrganCaseState.Evaluating, t => t.Coordinator.CloseOrganCaseAsync(new CloseOrganCaseRequest { Name = t.Case!.Name, Etag = t.Case.Etag, Note = "n" }).ResponseAsync, "reason" },
        { "closure note missing", OrganCaseState.Evaluating, t => t.Coordinator.CloseOrganCaseAsync(new CloseOrganCaseRequest { Name = t.Case!.Name, Etag = t.Case.Etag, Reason = ClosureReason.MedicalContraindication }).ResponseAsync, "note" },
        // Credentials
        { "credential without region", null, t => t.Credentials.CreateCredentialAsync(new CreateCredentialRequest { HolderId = "h-" + Guid.NewGuid().ToString("N")[..8], OrgId = "RC-1", RegionCode = "" }).ResponseAsync, "region_code" },
        { "credential without holder", null, t => t.Credentials.CreateCredentialAsync(new CreateCredentialRequest { OrgId = "RC-1", RegionCode = "330100" }).ResponseAsync, "holder_id" },
        { "zero training hours", null, t => t.Credentials.RecordTrainingAsync(new RecordTrainingRequest { Name = t.Credential!.Name, Etag = t.Credential.Etag, Hours = 0, CourseReference = "C" }).ResponseAsync, "hours" },
        { "certify without training", null, t => t.Credentials.CertifyCredentialAsync(new CertifyCredentialRequest { Name = t.Credential!.Name, Etag = t.Credential.Etag, Number = "N-" + Guid.NewGuid().ToString("N")[..6] }).ResponseAsync, "training_hours" },
        { "revocation reason missing", null, t => t.Credentials.RevokeCredentialAsync(new RevokeCredentialRequest { Name = t.Credential!.Name, Etag = t.Credential.Etag }).ResponseAsync, "reason" },
        { "credential check without number", null, t => t.Credentials.CheckCredentialAsync(new CheckCredentialRequest()).ResponseAsync, "number" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Call_WithBadInput_IsInvalidArgumentNamingTheFieldAndWritesNothing(string situation, OrganCaseState? state,
        Func<Target, Task> call, string field)
    {
        var coordinator = fixture.Cases(await fixture.CoordinatorTokenAsync());
        var officer = fixture.Cases(await fixture.ProvincialOfficerTokenAsync());
        var credentials = fixture.Credentials(await fixture.ProvincialOfficerTokenAsync());
        var target = state is { } s ? await new CaseSteps(fixture).InStateAsync(s) : null;
        var credential = await credentials.CreateCredentialAsync(new CreateCredentialRequest
        {
            HolderId = "bad-input-" + Guid.NewGuid().ToString("N")[..8], OrgId = "RC-330100", RegionCode = "330100",
        });
        var before = await fixture.RowCountsAsync();

        await RpcAssert.InvalidAsync(field, () => call(new Target(coordinator, officer, credentials, target, credential)));

        var after = await fixture.RowCountsAsync();
        Assert.True(before.SequenceEqual(after), $"{situation}: something was written");
    }
}
