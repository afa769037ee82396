using Stateless;

namespace DonationRegistry.OrganCoordination.Domain.BodyCases;

/// <summary>
/// A body donation (遗体捐献) at death: the executor notifies, a receiving unit (遗体接受单位) agrees and collects, uses the body for
/// teaching, research or anatomy, disposes of it (cremation unless the executor asked otherwise), and the donor may be remembered at
/// a memorial, named only with the family's separate consent.
/// </summary>
public sealed class BodyDonationCase
{
    private readonly List<TimelineEntry> _timeline = [];
    private StateMachine<BodyCaseStatus, BodyCaseTrigger>? _machine;

    private BodyDonationCase()
    {
    }

    public Guid Id { get; private set; }
    /// <summary>Idempotency key of the create request.</summary>
    public Guid? RequestId { get; set; }
    /// <summary>The organisation of the coordinator who opened the case (hospital or Red Cross); decides who may run it.</summary>
    public string OrgId { get; private set; } = "";
    /// <summary>The coordinator who opened the case (user id).</summary>
    public string CoordinatorId { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    /// <summary>The donor's registration in the Registration service, when there is one.</summary>
    public Guid? RegistrationId { get; private set; }
    public Guid FamilyReference { get; private set; }
    public DateTimeOffset DiedAt { get; private set; }
    public DateTimeOffset NotifiedAt { get; private set; }
    public BodyCaseStatus Status { get; private set; }
    /// <summary>The receiving unit (reference data code).</summary>
    public string? ReceivingUnit { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    public BodyUse? Use { get; private set; }
    public BodyDisposal? Disposal { get; private set; }
    public Memorial? Memorial { get; private set; }
    public BodyRejectionReason? RejectionReason { get; private set; }
    public bool FamilyCareContactConsent { get; private set; }
    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint RowVersion { get; private set; }
    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    public IReadOnlyList<BodyCaseTrigger> AllowedTriggers => BodyCaseLifecycle.AllowedIn(Status);

    private StateMachine<BodyCaseStatus, BodyCaseTrigger> Machine =>
        _machine ??= BodyCaseLifecycle.For(() => Status, s => Status = s);

    /// <summary>The executor reports the death of a donor.</summary>
    public static BodyDonationCase Notify(Guid id, string regionCode, string orgId, Guid? registrationId, DateTimeOffset diedAt, Guid familyReference,
        bool familyCareContactConsent, Actor actor, DateTimeOffset at)
    {
        Require.That(RegionCodes.IsZhejiang(regionCode), "region_code", "A six-digit GB/T 2260 region code of Zhejiang is required.",
            "请填写六位行政区划代码。");
        orgId = Require.Text("org_id", orgId, 100, "请填写协调员所属机构。");
        Require.That(diedAt <= at && diedAt > at.AddDays(-30), "death_time", "The time of death lies in the last 30 days.",
            "死亡时间应在最近 30 天内。");
        var donation = new BodyDonationCase
        {
            Id = id,
            RegionCode = regionCode,
            OrgId = orgId,
            CoordinatorId = actor.UserId,
            RegistrationId = registrationId,
            DiedAt = diedAt,
            NotifiedAt = at,
            FamilyReference = familyReference,
            FamilyCareContactConsent = familyCareContactConsent,
            Status = BodyCaseStatus.DeathNotified,
        };
        donation._timeline.Add(new TimelineEntry("DeathNotified", donation.Status.ToString(), actor, null, null, at));
        return donation;
    }

    public void AgreeHandover(string receivingUnit, Actor actor, DateTimeOffset at)
    {
        var unit = Require.Text("receiving_unit", receivingUnit, 100, "请填写遗体接受单位。");
        Lifecycle.Ensure(Machine, BodyCaseTrigger.AgreeHandover);
        ReceivingUnit = unit;
        Fire(BodyCaseTrigger.AgreeHandover, "HandoverAgreed", actor, null, unit, at);
    }

    public void Receive(string documentReference, Actor actor, DateTimeOffset at)
    {
        var document = Require.Text("document_reference", documentReference, 100, "请填写接收记录编号。");
        Lifecycle.Ensure(Machine, BodyCaseTrigger.Receive);
        ReceivedAt = at;
        Fire(BodyCaseTrigger.Receive, "Received", actor, null, document, at);
    }

    public void StartUse(BodyUse use, Actor actor, DateTimeOffset at)
    {
        Require.Defined("use", use, "请选择用途。");
        Lifecycle.Ensure(Machine, BodyCaseTrigger.StartUse);
        Use = use;
        Fire(BodyCaseTrigger.StartUse, "UseStarted", actor, use.ToString(), null, at);
    }

    /// <summary>Cremation by default; anything else only at the executor's written request.</summary>
    public void RecordDisposal(BodyDisposal disposal, string? executorRequestReference, Actor actor, DateTimeOffset at)
    {
        Require.Defined("disposal", disposal, "请选择处置方式。");
        var request = Require.OptionalText("executor_request_reference", executorRequestReference, 100, "请求书编号不超过 100 字。");
        Require.That(disposal == BodyDisposal.Cremation || request is not null, "executor_request_reference",
            "Anything but cremation needs the executor's written request.", "火化以外的处置须有执行人的书面请求。");
        Lifecycle.Ensure(Machine, BodyCaseTrigger.Dispose);
        Disposal = disposal;
        Fire(BodyCaseTrigger.Dispose, "Disposed", actor, disposal.ToString(), request, at);
    }

    public void Memorialise(string site, bool inscriptionConsented, string? consentDocumentReference, string? inscribedName, Actor actor,
        DateTimeOffset at)
    {
        var memorial = Memorial.Create(site, inscriptionConsented, consentDocumentReference, inscribedName, at);
        Lifecycle.Ensure(Machine, BodyCaseTrigger.Memorialise);
        Memorial = memorial;
        Fire(BodyCaseTrigger.Memorialise, "Memorialised", actor, memorial.Site, memorial.ConsentDocumentReference, at);
    }

    public void Reject(BodyRejectionReason reason, string? note, Actor actor, DateTimeOffset at)
    {
        Require.Defined("reason", reason, "请选择不接受的原因。");
        note = Require.OptionalText("note", note, 500, "说明不超过 500 字。");
        Lifecycle.Ensure(Machine, BodyCaseTrigger.Reject);
        RejectionReason = reason;
        Fire(BodyCaseTrigger.Reject, "Rejected", actor, note is null ? reason.ToString() : $"{reason}: {note}", null, at);
    }

    private void Fire(BodyCaseTrigger trigger, string action, Actor actor, string? reason, string? evidence, DateTimeOffset at)
    {
        Machine.Fire(trigger);
        _timeline.Add(new TimelineEntry(action, Status.ToString(), actor, reason, evidence, at));
    }
}
