using DonationRegistry.Common.Errors;
using Stateless;

namespace DonationRegistry.OrganCoordination.Domain.Credentials;

/// <summary>
/// An organ donation coordinator's credential (人体器官捐献协调员): application, training hours, certification with a number and an
/// expiry, renewal, suspension and revocation. Only an active credential (Certified and not expired at the moment asked) lets its
/// holder witness a case.
/// </summary>
public sealed class CoordinatorCredential
{
    private readonly List<TimelineEntry> _timeline = [];
    private StateMachine<CredentialStatus, CredentialTrigger>? _machine;

    private CoordinatorCredential()
    {
    }

    public Guid Id { get; private set; }
    /// <summary>The coordinator's user id (the <c>sub</c> of their token).</summary>
    public string HolderId { get; private set; } = "";
    /// <summary>The hospital or Red Cross organisation the coordinator works for.</summary>
    public string OrgId { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    /// <summary>The public credential number, given at certification.</summary>
    public string? Number { get; private set; }
    public CredentialStatus Status { get; private set; }
    public decimal TrainingHours { get; private set; }
    /// <summary>Training hours counted at the last certification or renewal (renewal needs refresher hours beyond it).</summary>
    public decimal TrainingHoursAtCertification { get; private set; }
    public DateTimeOffset? CertifiedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public RevocationReason? RevocationReason { get; private set; }
    /// <summary>Revoked for a false or missing witness: the holder may never hold a credential again (条例 Art 47).</summary>
    public bool BarredForLife { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint RowVersion { get; private set; }
    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    private StateMachine<CredentialStatus, CredentialTrigger> Machine =>
        _machine ??= CredentialLifecycle.For(() => Status, s => Status = s);

    /// <summary>Triggers allowed now (for clients and error messages).</summary>
    public IReadOnlyList<CredentialTrigger> AllowedTriggers => CredentialLifecycle.AllowedIn(Status);

    /// <summary>Certified, and the moment lies within the validity period.</summary>
    public bool IsActiveAt(DateTimeOffset at) =>
        Status == CredentialStatus.Certified && CertifiedAt <= at && at < ExpiresAt;

    /// <summary>
    /// A new application. Refused when the holder was barred for life, or already holds a credential that is not revoked.
    /// </summary>
    public static CoordinatorCredential Apply(Guid id, string holderId, string orgId, string regionCode,
        IEnumerable<CoordinatorCredential> holderCredentials, Actor actor, DateTimeOffset at)
    {
        holderId = Require.Text("holder_id", holderId, 100, "请填写协调员账号。");
        orgId = Require.Text("org_id", orgId, 100, "请填写所在单位。");
        Require.That(RegionCodes.IsZhejiang(regionCode), "region_code", "A six-digit GB/T 2260 region code is required.",
            "请填写六位行政区划代码。");
        var previous = holderCredentials.ToList();
        if (previous.Any(c => c.BarredForLife))
        {
            throw new ValidationFailedException("holder_id",
                "This coordinator's credential was revoked for a false or missing witness; they may never hold one again.",
                "该协调员曾因虚假见证或未履行见证被吊销资格，终身不得再申请。");
        }
        if (previous.Any(c => c.Status != CredentialStatus.Revoked))
        {
            throw new DuplicateException("This coordinator already holds a credential that is not revoked.", "该协调员已有有效的资格记录。");
        }
        var credential = new CoordinatorCredential
        {
            Id = id,
            HolderId = holderId,
            OrgId = orgId,
            RegionCode = regionCode,
            Status = CredentialStatus.Applicant,
            CreatedAt = at,
        };
        credential._timeline.Add(new TimelineEntry("Applied", credential.Status.ToString(), actor, null, null, at));
        return credential;
    }

    public void RecordTraining(decimal hours, string courseReference, Actor actor, DateTimeOffset at)
    {
        Require.That(hours is > 0 and <= 200, "hours", "Training hours must be more than 0 and at most 200 per record.",
            "培训学时须大于 0 且单次不超过 200。");
        courseReference = Require.Text("course_reference", courseReference, 100, "请填写培训课程或证明编号。");
        Machine.Fire(CredentialTrigger.RecordTraining);
        TrainingHours += hours;
        _timeline.Add(new TimelineEntry("TrainingRecorded", Status.ToString(), actor, $"{hours} h", courseReference, at));
    }

    public void Certify(string number, CredentialRules rules, Actor actor, DateTimeOffset at)
    {
        number = Require.Text("number", number, 40, "请填写资格证书编号。");
        Lifecycle.Ensure(Machine, CredentialTrigger.Certify);
        RequireHours(TrainingHours, rules.InitialTrainingHours);
        Machine.Fire(CredentialTrigger.Certify);
        Number = number;
        StartPeriod(rules, at);
        _timeline.Add(new TimelineEntry("Certified", Status.ToString(), actor, null, number, at));
    }

    public void Renew(CredentialRules rules, Actor actor, DateTimeOffset at)
    {
        Lifecycle.Ensure(Machine, CredentialTrigger.Renew);
        RequireHours(TrainingHours - TrainingHoursAtCertification, rules.RenewalTrainingHours);
        Machine.Fire(CredentialTrigger.Renew);
        StartPeriod(rules, at);
        _timeline.Add(new TimelineEntry("Renewed", Status.ToString(), actor, null, null, at));
    }

    public void Suspend(string reason, Actor actor, DateTimeOffset at)
    {
        reason = Require.Text("reason", reason, 500, "请填写暂停原因。");
        Machine.Fire(CredentialTrigger.Suspend);
        _timeline.Add(new TimelineEntry("Suspended", Status.ToString(), actor, reason, null, at));
    }

    public void Reinstate(Actor actor, DateTimeOffset at)
    {
        Machine.Fire(CredentialTrigger.Reinstate);
        _timeline.Add(new TimelineEntry("Reinstated", Status.ToString(), actor, null, null, at));
    }

    public void Revoke(RevocationReason reason, string? note, Actor actor, DateTimeOffset at)
    {
        Require.Defined("reason", reason, "请选择吊销原因。");
        note = Require.OptionalText("note", note, 500, "说明不超过 500 字。");
        Machine.Fire(CredentialTrigger.Revoke);
        RevocationReason = reason;
        BarredForLife = reason is Credentials.RevocationReason.FalseWitness or Credentials.RevocationReason.MissingWitness;
        _timeline.Add(new TimelineEntry("Revoked", Status.ToString(), actor, note is null ? reason.ToString() : $"{reason}: {note}", null, at));
    }

    private void StartPeriod(CredentialRules rules, DateTimeOffset at)
    {
        CertifiedAt = at;
        ExpiresAt = at + rules.Validity;
        TrainingHoursAtCertification = TrainingHours;
    }

    private static void RequireHours(decimal have, int need)
    {
        if (have < need)
        {
            throw new ValidationFailedException("training_hours", $"{need} training hours are required; {have} recorded.",
                $"培训学时不足：需要 {need} 学时，已记录 {have} 学时。");
        }
    }
}
