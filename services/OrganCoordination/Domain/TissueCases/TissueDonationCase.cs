using Stateless;

namespace DonationRegistry.OrganCoordination.Domain.TissueCases;

/// <summary>
/// A cornea or brain tissue donation after death: notified, recovered by the receiving bank within the time window (a late recovery
/// is recorded and flagged) or declined, used, and remembered at a memorial.
/// </summary>
public sealed class TissueDonationCase
{
    private readonly List<TimelineEntry> _timeline = [];
    private StateMachine<TissueCaseStatus, TissueCaseTrigger>? _machine;

    private TissueDonationCase()
    {
    }

    public Guid Id { get; private set; }
    /// <summary>Idempotency key of the create request.</summary>
    public Guid? RequestId { get; set; }
    /// <summary>The organisation of the coordinator who opened the case (hospital or Red Cross); decides who may run it.</summary>
    public string OrgId { get; private set; } = "";
    /// <summary>The coordinator who opened the case (user id).</summary>
    public string CoordinatorId { get; private set; } = "";
    public TissueKind Kind { get; private set; }
    public string RegionCode { get; private set; } = "";
    public Guid? RegistrationId { get; private set; }
    public Guid FamilyReference { get; private set; }
    /// <summary>The receiving bank (reference data code: an eye bank, the brain bank).</summary>
    public string Bank { get; private set; } = "";
    public DateTimeOffset DiedAt { get; private set; }
    /// <summary>The recovery deadline, fixed when the case was opened with the options then in force.</summary>
    public DateTimeOffset Deadline { get; private set; }
    /// <summary>The recovery aim (brain tissue only).</summary>
    public DateTimeOffset? Target { get; private set; }
    public DateTimeOffset NotifiedAt { get; private set; }
    public TissueCaseStatus Status { get; private set; }
    public DateTimeOffset? RecoveredAt { get; private set; }
    /// <summary>Recovered after the deadline.</summary>
    public bool RecoveredLate { get; private set; }
    public TissueDeclineReason? DeclineReason { get; private set; }
    public TissueUse? Use { get; private set; }
    public Memorial? Memorial { get; private set; }
    public bool FamilyCareContactConsent { get; private set; }
    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint RowVersion { get; private set; }
    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    public IReadOnlyList<TissueCaseTrigger> AllowedTriggers => TissueCaseLifecycle.AllowedIn(Status);

    public TissueWindow Window => new(DiedAt, Deadline, Target);

    /// <summary>Time left to recover at <paramref name="now"/> (frozen once recovered; negative after the deadline).</summary>
    public TimeSpan TimeLeft(DateTimeOffset now) => Window.TimeLeft(now, RecoveredAt);

    /// <summary>The window was missed: recovered late, or still waiting after the deadline. A declined case is not flagged.</summary>
    public bool IsBreached(DateTimeOffset now) => Status != TissueCaseStatus.Declined && Window.IsBreached(now, RecoveredAt);

    private StateMachine<TissueCaseStatus, TissueCaseTrigger> Machine =>
        _machine ??= TissueCaseLifecycle.For(() => Status, s => Status = s);

    public static TissueDonationCase Notify(Guid id, TissueKind kind, string regionCode, string orgId, string bank, Guid? registrationId,
        DateTimeOffset diedAt, Guid familyReference, bool familyCareContactConsent, TissueWindowOptions options, Actor actor, DateTimeOffset at)
    {
        Require.Defined("kind", kind, "请选择组织类型。");
        Require.That(RegionCodes.IsZhejiang(regionCode), "region_code", "A six-digit GB/T 2260 region code of Zhejiang is required.",
            "请填写六位行政区划代码。");
        orgId = Require.Text("org_id", orgId, 100, "请填写协调员所属机构。");
        bank = Require.Text("receiving_unit", bank, 100, "请填写接收机构。");
        Require.That(diedAt <= at && diedAt > at.AddDays(-7), "death_time", "The time of death lies in the last 7 days.", "死亡时间应在最近 7 天内。");
        var window = TissueWindow.For(kind, diedAt, options);
        var donation = new TissueDonationCase
        {
            Id = id,
            Kind = kind,
            RegionCode = regionCode,
            OrgId = orgId,
            CoordinatorId = actor.UserId,
            Bank = bank,
            RegistrationId = registrationId,
            DiedAt = diedAt,
            Deadline = window.Deadline,
            Target = window.Target,
            FamilyReference = familyReference,
            FamilyCareContactConsent = familyCareContactConsent,
            NotifiedAt = at,
            Status = TissueCaseStatus.DeathNotified,
        };
        donation._timeline.Add(new TimelineEntry("DeathNotified", donation.Status.ToString(), actor, kind.ToString(), null, at));
        return donation;
    }

    /// <summary>The bank recovered the tissue at <paramref name="recoveredAt"/>; after the deadline it is recorded and flagged.</summary>
    public void Recover(DateTimeOffset recoveredAt, string documentReference, Actor actor, DateTimeOffset at)
    {
        Require.That(recoveredAt >= DiedAt && recoveredAt <= at, "recover_time", "The recovery lies between the death and now.",
            "获取时间应在死亡时间与当前时间之间。");
        var document = Require.Text("document_reference", documentReference, 100, "请填写获取记录编号。");
        Lifecycle.Ensure(Machine, TissueCaseTrigger.Recover);
        RecoveredAt = recoveredAt;
        RecoveredLate = Window.IsBreached(at, recoveredAt);
        Fire(TissueCaseTrigger.Recover, "Recovered", actor, RecoveredLate ? "window breached" : null, document, at);
    }

    public void Decline(TissueDeclineReason reason, string? note, Actor actor, DateTimeOffset at)
    {
        Require.Defined("reason", reason, "请选择未获取原因。");
        note = Require.OptionalText("note", note, 500, "说明不超过 500 字。");
        Lifecycle.Ensure(Machine, TissueCaseTrigger.Decline);
        DeclineReason = reason;
        Fire(TissueCaseTrigger.Decline, "Declined", actor, note is null ? reason.ToString() : $"{reason}: {note}", null, at);
    }

    public void RecordUse(TissueUse use, Actor actor, DateTimeOffset at)
    {
        Require.Defined("use", use, "请选择用途。");
        Lifecycle.Ensure(Machine, TissueCaseTrigger.Use);
        Use = use;
        Fire(TissueCaseTrigger.Use, "Used", actor, use.ToString(), null, at);
    }

    public void Memorialise(string site, bool inscriptionConsented, string? consentDocumentReference, string? inscribedName, Actor actor,
        DateTimeOffset at)
    {
        var memorial = Memorial.Create(site, inscriptionConsented, consentDocumentReference, inscribedName, at);
        Lifecycle.Ensure(Machine, TissueCaseTrigger.Memorialise);
        Memorial = memorial;
        Fire(TissueCaseTrigger.Memorialise, "Memorialised", actor, memorial.Site, memorial.ConsentDocumentReference, at);
    }

    private void Fire(TissueCaseTrigger trigger, string action, Actor actor, string? reason, string? evidence, DateTimeOffset at)
    {
        Machine.Fire(trigger);
        _timeline.Add(new TimelineEntry(action, Status.ToString(), actor, reason, evidence, at));
    }
}
