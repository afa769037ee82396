using DonationRegistry.Common.Errors;
using DonationRegistry.OrganCoordination.Domain.Credentials;
using Stateless;

namespace DonationRegistry.OrganCoordination.Domain.OrganCases;

/// <summary>
/// One organ donation case, from the hospital's referral to the certificate for the family (DOMAIN.md section 4). Every step goes
/// through <see cref="OrganCaseLifecycle"/> (illegal steps throw FAILED_PRECONDITION) after the step's own rules were checked
/// (refusals throw INVALID_ARGUMENT naming the field), and adds a timeline entry with actor, reason and evidence.
/// </summary>
public sealed class OrganDonationCase
{
    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<WitnessAssignment> _witnesses = [];
    private readonly List<OrganOutcome> _outcomes = [];
    private StateMachine<OrganCaseStatus, OrganCaseTrigger>? _machine;

    private OrganDonationCase()
    {
    }

    public Guid Id { get; private set; }
    /// <summary>Idempotency key of the create request.</summary>
    public Guid? RequestId { get; set; }
    public string RegionCode { get; private set; } = "";
    /// <summary>The hospital that referred the potential donor (its organisation id).</summary>
    public string HospitalId { get; private set; } = "";
    /// <summary>The coordinator who runs the case (user id).</summary>
    public string CoordinatorId { get; private set; } = "";
    /// <summary>Pseudonymous reference of the donor's family, the only family identifier that leaves the service (in events).</summary>
    public Guid FamilyReference { get; private set; }
    /// <summary>The potential donor's ID number, when known, for the registry check (encrypted, hashed, masked).</summary>
    public ProtectedIdNumber? DonorIdNumber { get; private set; }
    public OrganCaseStatus Status { get; private set; }
    public ClosureReason? ClosureReason { get; private set; }
    public RegistryCheck? RegistryCheck { get; private set; }
    public FamilyConsent? Consent { get; private set; }
    public int? EthicsCommitteeSize { get; private set; }
    public int? EthicsApprovals { get; private set; }
    public DeathDeclaration? Death { get; private set; }
    /// <summary>The donor id COTRS (中国人体器官分配与共享计算机系统) gave the case.</summary>
    public string? CotrsDonorId { get; private set; }
    public List<Organ> ProcuredOrgans { get; private set; } = [];
    public List<string> ProcurementTeam { get; private set; } = [];
    public string? WitnessReportReference { get; private set; }
    public BodyRecipient? BodyRecipient { get; private set; }
    public string? BodyReceivingUnit { get; private set; }
    /// <summary>The donation certificate number (捐献证书) given to the family.</summary>
    public string? CertificateNumber { get; private set; }
    /// <summary>The family agreed to be contacted by family care (小桔灯); recorded at completion.</summary>
    public bool FamilyCareContactConsent { get; private set; }
    public DateTimeOffset ReferredAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint RowVersion { get; private set; }
    public IReadOnlyList<TimelineEntry> Timeline => _timeline;
    public IReadOnlyList<WitnessAssignment> Witnesses => _witnesses;
    public IReadOnlyList<OrganOutcome> Outcomes => _outcomes;

    /// <summary>Triggers allowed now (for clients and error messages).</summary>
    public IReadOnlyList<OrganCaseTrigger> AllowedTriggers => OrganCaseLifecycle.AllowedIn(Status);

    /// <summary>At least one organ was transplanted: the registered donation was realised.</summary>
    public bool Realised => _outcomes.Any(o => o.Kind == OrganOutcomeKind.Transplanted);

    private StateMachine<OrganCaseStatus, OrganCaseTrigger> Machine =>
        _machine ??= OrganCaseLifecycle.For(() => Status, s => Status = s);

    /// <summary>A hospital reports a potential donor (条例 Art 16).</summary>
    public static OrganDonationCase Refer(Guid id, string regionCode, string hospitalId, ProtectedIdNumber? donorIdNumber,
        Guid familyReference, Actor actor, DateTimeOffset at)
    {
        Require.That(RegionCodes.IsZhejiang(regionCode), "region_code", "A six-digit GB/T 2260 region code of Zhejiang is required.",
            "请填写六位行政区划代码。");
        hospitalId = Require.Text("hospital_id", hospitalId, 100, "请填写报告医院。");
        var donationCase = new OrganDonationCase
        {
            Id = id,
            RegionCode = regionCode,
            HospitalId = hospitalId,
            CoordinatorId = actor.UserId,
            DonorIdNumber = donorIdNumber,
            FamilyReference = familyReference,
            Status = OrganCaseStatus.Referred,
            ReferredAt = at,
        };
        donationCase.Add("Referred", actor, null, null, at);
        return donationCase;
    }

    /// <summary>
    /// The registry's answer. An objection closes the case (条例 Art 9); a registration or nothing moves it to RegistryChecked and no
    /// further: the family approach, consent and ethics review still decide.
    /// </summary>
    public void RecordRegistryCheck(RegistryCheck check, Actor actor, DateTimeOffset at)
    {
        Require.Defined("registry_check.answer", check.Answer, "登记查询结果无效。");
        Require.That(check.Answer != RegistryAnswer.Registered || check.RegistrationId is not null, "registry_check.registration",
            "A registered answer names the registration.", "登记查询结果缺少登记编号。");
        var trigger = check.Answer == RegistryAnswer.Objection ? OrganCaseTrigger.ClosePriorObjection : OrganCaseTrigger.RecordRegistryCheck;
        Lifecycle.Ensure(Machine, trigger);
        RegistryCheck = check;
        Fire(trigger, "RegistryChecked", actor, check.Answer.ToString(), null, at);
    }

    public void StartEvaluation(Actor actor, DateTimeOffset at) =>
        Fire(OrganCaseTrigger.StartEvaluation, "EvaluationStarted", actor, null, null, at);

    public void ApproachFamily(Actor actor, DateTimeOffset at) =>
        Fire(OrganCaseTrigger.ApproachFamily, "FamilyApproached", actor, null, null, at);

    /// <summary>
    /// The family's written consent: every required relative (spouse, adult children, parents) signs, or they appoint one of them in
    /// writing; it names the organs consented to.
    /// </summary>
    public void SignConsent(FamilyConsent consent, Actor actor, DateTimeOffset at)
    {
        var document = Require.Text("consent.document_reference", consent.DocumentReference, 100, "请填写同意书编号。");
        CheckRelatives(consent);
        Require.That(consent.Organs.Count > 0, "consent.organs", "Name at least one organ the family consents to.", "请选择家属同意捐献的器官。");
        Require.That(consent.Organs.All(Enum.IsDefined) && consent.Organs.Distinct().Count() == consent.Organs.Count, "consent.organs",
            "Each organ once, from the known organs.", "器官重复或无效。");
        Lifecycle.Ensure(Machine, OrganCaseTrigger.SignConsent);
        Consent = consent with { DocumentReference = document };
        Fire(OrganCaseTrigger.SignConsent, "ConsentSigned", actor, string.Join(",", consent.Organs), document, at);
    }

    public void SubmitToEthics(Actor actor, DateTimeOffset at) =>
        Fire(OrganCaseTrigger.SubmitToEthics, "SubmittedToEthics", actor, null, null, at);

    /// <summary>The hospital ethics committee's vote: approved by at least two thirds, otherwise the case closes (条例 Art 17–18).</summary>
    public void RecordEthicsDecision(int committeeSize, int approvals, string documentReference, Actor actor, DateTimeOffset at)
    {
        Require.That(committeeSize is >= 1 and <= 50, "ethics.committee_size", "The committee has 1–50 members.", "伦理委员会人数应为 1–50。");
        Require.That(approvals >= 0 && approvals <= committeeSize, "ethics.approvals", "Approvals lie between 0 and the committee size.",
            "同意票数应在 0 与委员人数之间。");
        var document = Require.Text("ethics.document_reference", documentReference, 100, "请填写伦理审查意见编号。");
        var approved = IsTwoThirds(approvals, committeeSize);
        var trigger = approved ? OrganCaseTrigger.ApproveEthics : OrganCaseTrigger.CloseEthicsRejected;
        Lifecycle.Ensure(Machine, trigger);
        EthicsCommitteeSize = committeeSize;
        EthicsApprovals = approvals;
        Fire(trigger, approved ? "EthicsApproved" : "EthicsRejected", actor, $"{approvals}/{committeeSize}", document, at);
    }

    /// <summary>At least two thirds, in whole numbers (6 of 9 is enough, 5 of 8 is not).</summary>
    public static bool IsTwoThirds(int approvals, int committeeSize) => approvals * 3 >= committeeSize * 2;

    public void DeclareDeath(DeathDeclaration declaration, Actor actor, DateTimeOffset at)
    {
        Require.Defined("death.category", declaration.Category, "请选择死亡判定类别。");
        Require.That(declaration.DiedAt <= at, "death.died_at", "The time of death cannot lie in the future.", "死亡时间不能晚于当前时间。");
        Require.That(declaration.DiedAt >= ReferredAt.AddDays(-2), "death.died_at", "The time of death lies too long before the referral.",
            "死亡时间早于报告时间过多。");
        var physicians = DistinctReferences("death.determining_physicians", declaration.DeterminingPhysicians, 1, "请填写判定死亡的医师。");
        var document = Require.Text("death.document_reference", declaration.DocumentReference, 100, "请填写死亡判定文书编号。");
        Lifecycle.Ensure(Machine, OrganCaseTrigger.DeclareDeath);
        Death = declaration with { DeterminingPhysicians = physicians, DocumentReference = document };
        Fire(OrganCaseTrigger.DeclareDeath, "DeathDeclared", actor, declaration.Category.ToString(), document, at);
    }

    /// <summary>
    /// The provincial Red Cross appoints at least two different coordinators, each holding a credential active at this moment
    /// (条例 Art 19).
    /// </summary>
    public void AssignWitnesses(IReadOnlyList<CoordinatorCredential> credentials, Actor actor, DateTimeOffset at)
    {
        Require.That(credentials.Count >= 2, "witnesses", "At least two credentialed coordinators must witness.", "至少需要两名有资格的协调员见证。");
        Require.That(credentials.Select(c => c.HolderId).Distinct().Count() == credentials.Count, "witnesses",
            "The same coordinator is named twice; two different people must witness.", "同一协调员不能重复担任见证人。");
        for (var i = 0; i < credentials.Count; i++)
        {
            var credential = credentials[i];
            Require.That(credential.IsActiveAt(at), $"witnesses[{i}]",
                $"Credential {credential.Number ?? credential.Id.ToString()} is not active now ({Describe(credential, at)}).",
                $"协调员资格 {credential.Number} 当前无效，不能担任见证人。");
        }
        Lifecycle.Ensure(Machine, OrganCaseTrigger.AssignWitnesses);
        _witnesses.AddRange(credentials.Select(c => new WitnessAssignment(c.HolderId, c.Number!, at)));
        Fire(OrganCaseTrigger.AssignWitnesses, "WitnessesAssigned", actor, string.Join(",", credentials.Select(c => c.Number)), null, at);
    }

    /// <summary>The OPO entered the donor into COTRS, the only legal allocation channel (条例 Art 21).</summary>
    public void StartAllocation(string cotrsDonorId, Actor actor, DateTimeOffset at)
    {
        cotrsDonorId = Require.Text("cotrs_donor_id", cotrsDonorId, 40, "请填写 COTRS 捐献者编号。");
        Lifecycle.Ensure(Machine, OrganCaseTrigger.StartAllocation);
        CotrsDonorId = cotrsDonorId;
        Fire(OrganCaseTrigger.StartAllocation, "AllocationStarted", actor, null, cotrsDonorId, at);
    }

    /// <summary>
    /// Procurement of consented organs by a team none of whose members determined death (条例 Art 19). An organ the family did not
    /// consent to is refused.
    /// </summary>
    public void StartProcurement(IReadOnlyList<Organ> organs, IReadOnlyList<string> team, Actor actor, DateTimeOffset at)
    {
        Require.That(organs.Count > 0 && organs.Distinct().Count() == organs.Count, "procurement.organs",
            "Name each organ to procure once.", "请列出拟获取的器官（不重复）。");
        var notConsented = organs.Where(o => Consent?.Organs.Contains(o) != true).ToList();
        Require.That(notConsented.Count == 0, "procurement.organs",
            $"The family did not consent to: {string.Join(", ", notConsented)}.", "家属未同意捐献该器官，不得获取。");
        var alreadyClosed = organs.Where(o => _outcomes.Any(x => x.Organ == o)).ToList();
        Require.That(alreadyClosed.Count == 0, "procurement.organs",
            $"Already has an outcome: {string.Join(", ", alreadyClosed)}.", "该器官已有结果记录。");
        var members = DistinctReferences("procurement.team", team, 1, "请填写获取团队成员。");
        var conflicted = members.Intersect(Death?.DeterminingPhysicians ?? [], StringComparer.Ordinal).ToList();
        Require.That(conflicted.Count == 0, "procurement.team",
            $"Physicians who determined death may not procure: {string.Join(", ", conflicted)}.", "判定死亡的医师不得参与器官获取。");
        Lifecycle.Ensure(Machine, OrganCaseTrigger.StartProcurement);
        ProcuredOrgans = [.. organs];
        ProcurementTeam = members;
        Fire(OrganCaseTrigger.StartProcurement, "ProcurementStarted", actor, string.Join(",", organs), null, at);
    }

    /// <summary>
    /// One consented organ's outcome: NotRecovered during allocation or procurement; Transplanted (with the receiving hospital) or
    /// Discarded (with the reason) only for an organ being procured. Each organ has one outcome.
    /// </summary>
    public void RecordOrganOutcome(Organ organ, OrganOutcomeKind kind, string? receivingHospital, string? discardReason, Actor actor,
        DateTimeOffset at)
    {
        Require.Defined("outcome.organ", organ, "器官无效。");
        Require.Defined("outcome.kind", kind, "请选择器官结果。");
        Require.That(Consent?.Organs.Contains(organ) == true, "outcome.organ", $"The family did not consent to {organ}.", "家属未同意捐献该器官。");
        Require.That(_outcomes.All(o => o.Organ != organ), "outcome.organ", $"{organ} already has an outcome.", "该器官已有结果记录。");
        string? hospital = null;
        string? reason = null;
        if (kind == OrganOutcomeKind.Transplanted)
        {
            hospital = Require.Text("outcome.receiving_hospital", receivingHospital, 100, "请填写移植医院。");
        }
        if (kind == OrganOutcomeKind.Discarded)
        {
            reason = Require.Text("outcome.discard_reason", discardReason, 500, "请填写弃用原因。");
        }
        Lifecycle.Ensure(Machine, OrganCaseTrigger.RecordOrganOutcome);
        Require.That(kind == OrganOutcomeKind.NotRecovered || ProcuredOrgans.Contains(organ), "outcome.kind",
            $"{organ} is not being procured, so it can only be NotRecovered.", "该器官未获取，只能记录为未获取。");
        _outcomes.Add(new OrganOutcome(organ, kind, hospital, reason, at));
        Fire(OrganCaseTrigger.RecordOrganOutcome, "OrganOutcomeRecorded", actor, $"{organ}: {kind}", hospital ?? reason, at);
    }

    /// <summary>Body restoration (遗容恢复, mandatory), once every consented organ has its outcome.</summary>
    public void RestoreBody(string documentReference, Actor actor, DateTimeOffset at)
    {
        var document = Require.Text("document_reference", documentReference, 100, "请填写遗容恢复记录编号。");
        Lifecycle.Ensure(Machine, OrganCaseTrigger.RestoreBody);
        var open = (Consent?.Organs ?? []).Where(o => _outcomes.All(x => x.Organ != o)).ToList();
        Require.That(open.Count == 0, "outcomes", $"Record the outcome of every consented organ first: {string.Join(", ", open)}.",
            "请先记录每个同意捐献器官的结果。");
        Fire(OrganCaseTrigger.RestoreBody, "BodyRestored", actor, null, document, at);
    }

    /// <summary>The witnesses' report, signed by at least two of the appointed witnesses.</summary>
    public void RecordWitnessReport(string reportReference, IReadOnlyList<string> signedBy, Actor actor, DateTimeOffset at)
    {
        var report = Require.Text("witness_report.reference", reportReference, 100, "请填写见证报告编号。");
        var signers = DistinctReferences("witness_report.signed_by", signedBy, 2, "见证报告至少需要两名见证人签字。");
        var strangers = signers.Where(s => _witnesses.All(w => w.CoordinatorId != s)).ToList();
        Require.That(strangers.Count == 0, "witness_report.signed_by",
            $"Not appointed to witness this case: {string.Join(", ", strangers)}.", "签字人不是本案例指派的见证人。");
        Lifecycle.Ensure(Machine, OrganCaseTrigger.RecordWitnessReport);
        WitnessReportReference = report;
        Fire(OrganCaseTrigger.RecordWitnessReport, "Witnessed", actor, string.Join(",", signers), report, at);
    }

    /// <summary>The body goes to the family, or to a body-receiving unit when the family also consented to body donation.</summary>
    public void ReleaseBody(BodyRecipient recipient, string? receivingUnit, Actor actor, DateTimeOffset at)
    {
        Require.Defined("recipient", recipient, "请选择遗体接收方。");
        string? unit = null;
        if (recipient == OrganCases.BodyRecipient.ReceivingUnit)
        {
            unit = Require.Text("receiving_unit", receivingUnit, 100, "请填写遗体接受单位。");
            Require.That(Consent?.IncludesBody == true, "recipient", "The family did not consent to body donation.", "家属未同意遗体捐献。");
        }
        Lifecycle.Ensure(Machine, OrganCaseTrigger.ReleaseBody);
        BodyRecipient = recipient;
        BodyReceivingUnit = unit;
        Fire(OrganCaseTrigger.ReleaseBody, "BodyReleased", actor, recipient.ToString(), unit, at);
    }

    public void IssueCertificate(string certificateNumber, Actor actor, DateTimeOffset at)
    {
        var number = Require.Text("certificate_number", certificateNumber, 40, "请填写捐献证书编号。");
        Lifecycle.Ensure(Machine, OrganCaseTrigger.IssueCertificate);
        CertificateNumber = number;
        Fire(OrganCaseTrigger.IssueCertificate, "CertificateIssued", actor, null, number, at);
    }

    public void Complete(bool familyCareContactConsent, Actor actor, DateTimeOffset at)
    {
        Lifecycle.Ensure(Machine, OrganCaseTrigger.Complete);
        FamilyCareContactConsent = familyCareContactConsent;
        Fire(OrganCaseTrigger.Complete, "Completed", actor, familyCareContactConsent ? "family care contact consented" : null, null, at);
        ClosedAt = at;
    }

    /// <summary>Ends the case for <paramref name="reason"/> where that exit exists (see <see cref="OrganCaseLifecycle"/>).</summary>
    public void Close(ClosureReason reason, string note, Actor actor, DateTimeOffset at)
    {
        Require.Defined("reason", reason, "请选择结案原因。");
        note = Require.Text("note", note, 500, "请填写结案说明。");
        var trigger = reason switch
        {
            OrganCases.ClosureReason.PriorObjection => OrganCaseTrigger.ClosePriorObjection,
            OrganCases.ClosureReason.MedicalContraindication => OrganCaseTrigger.CloseMedicalContraindication,
            OrganCases.ClosureReason.FamilyDeclined => OrganCaseTrigger.CloseFamilyDeclined,
            OrganCases.ClosureReason.EthicsRejected => OrganCaseTrigger.CloseEthicsRejected,
            _ => OrganCaseTrigger.CloseNotProgressed,
        };
        Fire(trigger, "Closed", actor, $"{reason}: {note}", null, at);
    }

    private void Fire(OrganCaseTrigger trigger, string action, Actor actor, string? reason, string? evidence, DateTimeOffset at)
    {
        Machine.Fire(trigger);
        if (OrganCaseLifecycle.ReasonOf(trigger) is { } closure)
        {
            ClosureReason = closure;
            ClosedAt = at;
            action = "Closed";
            reason = reason is null || reason.StartsWith(closure.ToString(), StringComparison.Ordinal) ? reason ?? closure.ToString()
                : $"{closure}: {reason}";
        }
        Add(action, actor, reason, evidence, at);
    }

    private void Add(string action, Actor actor, string? reason, string? evidence, DateTimeOffset at) =>
        _timeline.Add(new TimelineEntry(action, Status.ToString(), actor, reason, evidence, at));

    private static void CheckRelatives(FamilyConsent consent)
    {
        var relatives = consent.RequiredRelatives;
        Require.That(relatives.Count > 0, "consent.required_relatives",
            "List the required relatives (spouse, adult children, parents) of the deceased.", "请列出配偶、成年子女、父母。");
        Require.That(relatives.All(r => !string.IsNullOrWhiteSpace(r.Reference) && r.Reference.Length <= 40 && Enum.IsDefined(r.Kind)),
            "consent.required_relatives", "Each relative has a reference (1–40 characters) and a kind.", "亲属信息不完整。");
        Require.That(relatives.Select(r => r.Reference).Distinct(StringComparer.Ordinal).Count() == relatives.Count,
            "consent.required_relatives", "Each relative is listed once.", "亲属重复。");
        Require.That(relatives.Count(r => r.Kind == RelativeKind.Spouse) <= 1, "consent.required_relatives",
            "At most one spouse.", "配偶最多一人。");
        Require.That(relatives.Count(r => r.Kind == RelativeKind.Parent) <= 2, "consent.required_relatives",
            "At most two parents.", "父母最多两人。");
        var required = relatives.Select(r => r.Reference).ToHashSet(StringComparer.Ordinal);
        var strangers = consent.SignedBy.Where(s => !required.Contains(s)).ToList();
        Require.That(strangers.Count == 0, "consent.signed_by", $"Not a required relative: {string.Join(", ", strangers)}.",
            "签字人不在需签字的亲属名单中。");
        if (consent.Delegation is { } delegation)
        {
            Require.That(required.Contains(delegation.RepresentativeReference), "consent.delegation.representative",
                "The representative must be one of the required relatives.", "代表人须为需签字的亲属之一。");
            Require.Text("consent.delegation.document_reference", delegation.DocumentReference, 100, "请填写书面委托书编号。");
            Require.That(consent.SignedBy.Contains(delegation.RepresentativeReference), "consent.signed_by",
                "The appointed representative must sign.", "受委托的代表人须签字。");
            return;
        }
        var missing = relatives.Where(r => !consent.SignedBy.Contains(r.Reference)).Select(r => $"{r.Reference} ({r.Kind})").ToList();
        Require.That(missing.Count == 0, "consent.signed_by",
            $"Every required relative signs, or they appoint one in writing; missing: {string.Join(", ", missing)}.",
            "配偶、成年子女、父母须全部签字，或书面委托一人代表。");
    }

    private static List<string> DistinctReferences(string field, IReadOnlyList<string> values, int minimum, string localized)
    {
        Require.That(values.Count >= minimum && values.All(v => !string.IsNullOrWhiteSpace(v) && v.Trim().Length <= 100), field,
            $"At least {minimum} non-empty entries (at most 100 characters each) are required.", localized);
        var trimmed = values.Select(v => v.Trim()).ToList();
        Require.That(trimmed.Distinct(StringComparer.Ordinal).Count() == trimmed.Count, field, "Each person is named once.", "人员重复。");
        return trimmed;
    }

    private static string Describe(CoordinatorCredential credential, DateTimeOffset at) =>
        credential.Status != CredentialStatus.Certified ? credential.Status.ToString()
        : credential.ExpiresAt <= at ? $"expired {credential.ExpiresAt:yyyy-MM-dd}"
        : "not yet valid";
}
