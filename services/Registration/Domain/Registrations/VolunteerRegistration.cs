using DonationRegistry.Common.Errors;
using Stateless;

namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>
/// A person's registered decision for one programme, from the draft a clerk enters to the confirmed registration with its number
/// and certificate, through amendments (each a kept version), revocation, objection and the outcome after death. Every change goes
/// through <see cref="RegistrationLifecycle"/> and adds a timeline entry.
/// </summary>
public sealed class VolunteerRegistration
{
    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<RegistrationVersion> _versions = [];
    private readonly List<Witness> _witnesses = [];
    private StateMachine<RegistrationStatus, RegistrationTrigger>? _machine;

    private VolunteerRegistration()
    {
    }

    private VolunteerRegistration(Guid id, Guid? pointId, string regionCode, Channel channel, Programme programme,
        IReadOnlyList<DonationScope> scope, Volunteer volunteer, NotificationContact? contact, Executor? executor, Actor actor,
        DateTimeOffset at)
    {
        Id = id;
        PointId = pointId;
        RegionCode = regionCode;
        Channel = channel;
        Programme = programme;
        Scope = [.. scope];
        Volunteer = volunteer;
        NotificationContact = contact;
        Executor = executor;
        ConsentedAt = at;
        CreatedAt = at;
        Status = RegistrationStatus.Draft;
        VersionNumber = 1;
        _versions.Add(new RegistrationVersion(1, Snapshot(), null, actor, at));
        _timeline.Add(new TimelineEntry("Created", Status, actor, null, at));
    }

    public Guid Id { get; private set; }
    /// <summary>Idempotency key of the create request.</summary>
    public Guid? RequestId { get; set; }
    public string? Number { get; private set; }
    public Guid? PointId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public Channel Channel { get; private set; }
    public Programme Programme { get; private set; }
    public List<DonationScope> Scope { get; private set; } = [];
    public Volunteer Volunteer { get; private set; } = null!;
    public NotificationContact? NotificationContact { get; private set; }
    public Executor? Executor { get; private set; }
    /// <summary>Both PIPL consents (sensitive data, transfer to the provincial centre) were given at creation.</summary>
    public DateTimeOffset ConsentedAt { get; private set; }
    public bool FamilyInformed { get; private set; }
    public string? LetterSha256 { get; private set; }
    public DateTimeOffset? WitnessedAt { get; private set; }
    public string? VerificationCode { get; private set; }
    public DateTimeOffset? CertificateIssuedAt { get; private set; }
    public string? ObjectionDocument { get; private set; }
    public RegistrationStatus Status { get; private set; }
    public int VersionNumber { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint RowVersion { get; private set; }
    public IReadOnlyList<TimelineEntry> Timeline => _timeline;
    public IReadOnlyList<RegistrationVersion> Versions => _versions;
    public IReadOnlyList<Witness> Witnesses => _witnesses;

    private StateMachine<RegistrationStatus, RegistrationTrigger> Machine =>
        _machine ??= RegistrationLifecycle.For(() => Status, s => Status = s);

    /// <summary>Triggers allowed now (for clients and error messages).</summary>
    public IEnumerable<RegistrationTrigger> AllowedTriggers => RegistrationLifecycle.AllowedIn(Status);

    /// <summary>A clerk's draft at an Active point.</summary>
    public static VolunteerRegistration AtPoint(Guid id, Points.RegistrationPoint point, Programme programme, IReadOnlyList<DonationScope> scope,
        Volunteer volunteer, NotificationContact? contact, Executor? executor, Actor actor, DateTimeOffset at)
    {
        if (!point.MayEnrol)
        {
            throw new ValidationFailedException("registration.registration_point",
                $"Point {point.Code} is {point.Status} and cannot enrol anyone.", "该登记点当前不能办理登记。");
        }
        return new VolunteerRegistration(id, point.Id, point.RegionCode, Channel.AuthorisedPoint, programme, scope, volunteer, contact,
            executor, actor, at);
    }

    /// <summary>An online registration: straight to Registered, with its number and certificate.</summary>
    public static VolunteerRegistration Online(Guid id, string regionCode, Programme programme, IReadOnlyList<DonationScope> scope,
        Volunteer volunteer, NotificationContact? contact, Executor? executor, Actor actor, DateTimeOffset at, string number, string verificationCode)
    {
        var registration = new VolunteerRegistration(id, null, regionCode, Channel.Online, programme, scope, volunteer, contact, executor, actor, at);
        registration.Status = RegistrationStatus.Registered;
        registration.IssueCertificate(number, verificationCode, at);
        registration._timeline.Add(new TimelineEntry("Registered", registration.Status, actor, "online", at));
        return registration;
    }

    public void RecordWitnessing(IReadOnlyList<Witness> witnesses, bool familyInformed, string letterSha256, Actor actor, DateTimeOffset at)
    {
        Fire(RegistrationTrigger.RecordWitnessing);
        _witnesses.AddRange(witnesses);
        FamilyInformed = familyInformed;
        LetterSha256 = letterSha256;
        WitnessedAt = at;
        _timeline.Add(new TimelineEntry("Witnessed", Status, actor, null, at));
    }

    public void Forward(Actor actor, DateTimeOffset at)
    {
        Fire(RegistrationTrigger.Forward);
        _timeline.Add(new TimelineEntry("Forwarded", Status, actor, null, at));
    }

    public void Confirm(string number, string verificationCode, Actor actor, DateTimeOffset at)
    {
        Fire(RegistrationTrigger.Confirm);
        IssueCertificate(number, verificationCode, at);
        _timeline.Add(new TimelineEntry("Registered", Status, actor, null, at));
    }

    /// <summary>Applies an amendment as a new version; the previous versions stay as they were.</summary>
    public void Amend(AmendableDetails details, string? reason, Actor actor, DateTimeOffset at)
    {
        Fire(RegistrationTrigger.Amend);
        Scope = [.. details.Scope];
        Volunteer.Phone = details.Phone;
        Volunteer.Address = details.Address;
        NotificationContact = details.NotificationContact;
        Executor = details.Executor;
        VersionNumber++;
        _versions.Add(new RegistrationVersion(VersionNumber, Snapshot(), reason, actor, at));
        _timeline.Add(new TimelineEntry("Amended", Status, actor, reason, at));
    }

    public void Revoke(string reason, Actor actor, DateTimeOffset at)
    {
        RequireReason(reason);
        Fire(RegistrationTrigger.Revoke);
        _timeline.Add(new TimelineEntry("Revoked", Status, actor, reason.Trim(), at));
    }

    public void RecordObjection(string documentReference, string? reason, Actor actor, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(documentReference) || documentReference.Length > 100)
        {
            throw new ValidationFailedException("document_reference", "The reference of the written objection (1–100 characters) is required.",
                "请填写书面反对意见的文件编号。");
        }
        Fire(RegistrationTrigger.RecordObjection);
        ObjectionDocument = documentReference.Trim();
        _timeline.Add(new TimelineEntry("ObjectionRecorded", Status, actor, reason?.Trim(), at));
    }

    public void RecordDeath(Actor actor, DateTimeOffset at)
    {
        Fire(RegistrationTrigger.RecordDeath);
        _timeline.Add(new TimelineEntry("Deceased", Status, actor, null, at));
    }

    public void RecordOutcome(bool realised, string? reason, Actor actor, DateTimeOffset at)
    {
        Fire(realised ? RegistrationTrigger.RecordRealised : RegistrationTrigger.RecordNotRealised);
        _timeline.Add(new TimelineEntry(realised ? "Realised" : "NotRealised", Status, actor, reason, at));
    }

    /// <summary>The amendable part as it is now.</summary>
    public AmendableDetails Snapshot() => new([.. Scope], Volunteer.Phone, Volunteer.Address, NotificationContact, Executor);

    private void IssueCertificate(string number, string verificationCode, DateTimeOffset at)
    {
        Number = number;
        VerificationCode = verificationCode;
        CertificateIssuedAt = at;
    }

    private void Fire(RegistrationTrigger trigger) => Machine.Fire(trigger);

    private static void RequireReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
        {
            throw new ValidationFailedException("reason", "A reason of 1–500 characters is required.", "请填写原因。");
        }
    }
}
