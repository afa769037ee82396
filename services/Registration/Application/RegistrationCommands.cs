using System.Text.RegularExpressions;
using DonationRegistry.Common.Errors;
using DonationRegistry.Common.PersonalData;
using DonationRegistry.Contracts;
using DonationRegistry.Messaging;
using DonationRegistry.Registration.Domain;
using DonationRegistry.Registration.Domain.Points;
using DonationRegistry.Registration.Domain.Registrations;
using DonationRegistry.Registration.Domain.Statistics;
using DonationRegistry.Registration.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Registration.Application;

/// <summary>
/// Every change of a volunteer registration and HSC enrolment. Each runs as one transaction (<see cref="UnitOfWork"/>): the state
/// change, its timeline entry, its audit entry, its statistics count and its integration event commit together or not at all.
/// ID numbers are validated, then only their protected form (ciphertext, keyed hash, mask) is kept; they are never logged.
/// </summary>
public sealed partial class RegistrationCommands(RegistrationDbContext db, IdNumberProtection protection, AuditLog audit,
    RegistrationNumbers numbers, StatisticsProjection statistics, TimeProvider clock)
{
    /// <summary>Paths AmendRegistration accepts in its update_mask.</summary>
    public static IReadOnlyList<string> AmendableFields { get; } =
        ["scope", "person.phone", "person.address", "notification_contact", "executor"];

    public const string HscProgramme = "Hsc";

    // Every create reads its point: one row (staff membership asked as EXISTS, no history), compiled once so the query is not
    // translated or even looked up by shape per call.
    private static readonly Func<RegistrationDbContext, Guid, string, CancellationToken, Task<PointEnrolmentRow?>> PointForEnrolment =
        EF.CompileAsyncQuery((RegistrationDbContext db, Guid id, string userId, CancellationToken _) => db.Points
            .Where(p => p.Id == id)
            .Select(p => new PointEnrolmentRow(p.Id, p.Code, p.RegionCode, p.Status, p.Services, p.Staff.Any(s => s.UserId == userId)))
            .FirstOrDefault());

    private readonly UnitOfWork _unitOfWork = new(db);

    private DateOnly Today => StatisticsProjection.DayOf(clock.GetUtcNow());

    /// <summary>Creates a registration: Draft at a point, or Registered at once for the ONLINE channel (then numbered, certified,
    /// counted and announced). Repeating a request id returns what the first call created.</summary>
    /// <remarks>Nearly every call is new and of a person not yet registered, so neither the request id nor the duplicate is looked
    /// up first: the unique indexes on the request id and on the live registration decide at the insert, and only a conflict (or a
    /// refused request) asks which one it was. A draft is then one point read and one batch of inserts that commits by itself.</remarks>
    public async Task<VolunteerRegistration> CreateAsync(Caller caller, Guid requestId, RegistrationInput input, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.EnterRegistrations);
        RegistrationPoint? point;
        ValidatedPerson person;
        IReadOnlyList<DonationScope> scope;
        string regionCode;
        try
        {
            (point, person, scope, regionCode) = await ValidateCreateAsync(caller, input, cancellationToken);
        }
        catch (DomainException)
        {
            // A repeated request answers as the first did, even if the point has closed or the caller's access changed since.
            if (await FindByRequestAsync(requestId, cancellationToken) is { } earlier)
            {
                return await EarlierAsync(caller, earlier, cancellationToken);
            }
            throw;
        }
        var idNumber = protection.Protect(person.IdType, person.IdNumber);
        try
        {
            if (point is not null)
            {
                // The draft, its first version, timeline entry and audit entry: one SaveChanges, one atomic batch. Everything in it
                // is new, so there is nothing for change detection to compare.
                var registration = AddDraft(point, new ValidatedDraft(input, person, scope, idNumber), caller.ToActor(), clock.GetUtcNow(),
                    "CreateRegistration", requestId);
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                finally
                {
                    db.ChangeTracker.AutoDetectChangesEnabled = true;
                }
                return registration;
            }
            return await _unitOfWork.RunAsync(async ct =>
            {
                var actor = caller.ToActor();
                var now = clock.GetUtcNow();
                var (contact, executor) = ContactAndExecutor(input);
                var number = await numbers.NextAsync(regionCode, StatisticsProjection.DayOf(now).Year, ct);
                var registration = VolunteerRegistration.Online(Guid.CreateVersion7(), regionCode, input.Programme, scope,
                    new Volunteer(person, idNumber), contact, executor, actor, now, number, RegistrationNumber.NewVerificationCode());
                AnnounceRegistered(registration, now);
                registration.RequestId = requestId;
                db.Registrations.Add(registration);
                audit.Changed("CreateRegistration", AuditSubjects.Registration, registration.Id, actor);
                await CountLastAsync(registration, StatisticsCounter.NewRegistrations, now, ct);
                return registration;
            }, cancellationToken);
        }
        catch (DbUpdateException ex) when (PointCommands.IsUniqueViolation(ex, "RequestId") || PointCommands.IsUniqueViolation(ex, LiveRegistrationIndex.Name))
        {
            // The request id first (a repeat answers as the first call did), then the person's live registration.
            db.ChangeTracker.Clear();
            if (await FindByRequestAsync(requestId, cancellationToken) is { } earlier)
            {
                return await EarlierAsync(caller, earlier, cancellationToken);
            }
            await ThrowIfLiveAsync(caller, idNumber.LookupHash, input.Programme, cancellationToken);
            // The other registration went away again (revoked meanwhile): still a conflict at the time of the insert.
            throw Duplicate(null);
        }
    }

    /// <summary>The checks of CreateAsync before anything is written: the point (access first), the form, the online region.</summary>
    private async Task<(RegistrationPoint? Point, ValidatedPerson Person, IReadOnlyList<DonationScope> Scope, string RegionCode)> ValidateCreateAsync(
        Caller caller, RegistrationInput input, CancellationToken cancellationToken)
    {
        var v = new List<FieldViolation>();
        RegistrationPoint? point = null;
        if (input.Channel == Channel.AuthorisedPoint)
        {
            point = await PointForEnrolmentAsync(caller, v, "registration.registration_point", input.PointName, PointService.Registration,
                cancellationToken);
        }
        else if (input.Channel != Channel.Online)
        {
            v.Add(new("registration.channel", "AUTHORISED_POINT or ONLINE is required."));
        }

        var (person, scope) = ValidateForm(input, v);
        RegistrationForm.ThrowIfAny(v);

        var regionCode = point?.RegionCode ?? OnlineRegion(caller, person);
        if (point is null)
        {
            AccessPolicy.RequireRegion(caller, Operation.EnterRegistrations, regionCode);
        }
        return (point, person, scope, regionCode);
    }

    private async Task<VolunteerRegistration> EarlierAsync(Caller caller, VolunteerRegistration earlier, CancellationToken cancellationToken)
    {
        await RegistrationAccess.RequireAsync(db, caller, Operation.EnterRegistrations, earlier, cancellationToken);
        return earlier;
    }

    /// <summary>Records the intent-letter signing (0–2 witnesses, family informed, the scanned letter's SHA-256). Draft → PendingWitness.</summary>
    public Task<VolunteerRegistration> RecordWitnessingAsync(Caller caller, Guid id, WitnessingInput? input, string? etag,
        CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.EnterRegistrations);
        return ChangeAsync(caller, Operation.EnterRegistrations, id, etag, "RecordWitnessing", (registration, actor, now, _) =>
        {
            var v = new List<FieldViolation>();
            var witnesses = ValidateWitnessing(v, input, now);
            RegistrationForm.ThrowIfAny(v);
            registration.RecordWitnessing(witnesses, input!.FamilyInformed, input.LetterSha256.Trim().ToLowerInvariant(), actor, now);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>Sends the registration to the provincial centre (the transfer consent was given at creation). PendingWitness → Forwarded.</summary>
    public Task<VolunteerRegistration> ForwardAsync(Caller caller, Guid id, string? etag, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.EnterRegistrations);
        return ChangeAsync(caller, Operation.EnterRegistrations, id, etag, "ForwardRegistration", (registration, actor, now, _) =>
        {
            registration.Forward(actor, now);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>Confirms (registry officer of the region): number, certificate, count, VolunteerRegistered. Forwarded → Registered.</summary>
    public Task<VolunteerRegistration> ConfirmAsync(Caller caller, Guid id, string? etag, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ConfirmRegistrations);
        return ChangeAndCountAsync(caller, Operation.ConfirmRegistrations, id, etag, "ConfirmRegistration", async (registration, actor, now, ct) =>
        {
            if (!registration.AllowedTriggers.Contains(RegistrationTrigger.Confirm))
            {
                // FAILED_PRECONDITION naming the state, before a number is drawn.
                throw new IllegalTransitionException(registration.Status.ToString(), nameof(RegistrationTrigger.Confirm),
                    [.. registration.AllowedTriggers.Select(t => t.ToString())], $"登记当前状态为“{registration.Status}”，不能确认。");
            }
            var number = await numbers.NextAsync(registration.RegionCode, StatisticsProjection.DayOf(now).Year, ct);
            registration.Confirm(number, RegistrationNumber.NewVerificationCode(), actor, now);
            AnnounceRegistered(registration, now);
            return StatisticsCounter.NewRegistrations;
        }, cancellationToken);
    }

    /// <summary>Amends the fields named in <paramref name="mask"/>: a new version, the earlier ones kept; RegistrationAmended.</summary>
    public Task<VolunteerRegistration> AmendAsync(Caller caller, Guid id, IReadOnlyCollection<string> mask, AmendmentInput input, string? reason,
        string? etag, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.EnterRegistrations);
        var unknown = mask.Where(f => !AmendableFields.Contains(f, StringComparer.Ordinal)).ToList();
        if (mask.Count == 0 || unknown.Count > 0)
        {
            throw new ValidationFailedException("update_mask",
                $"Name the fields to change, from: {string.Join(", ", AmendableFields)}" + (unknown.Count > 0 ? $" (not {string.Join(", ", unknown)})." : "."));
        }
        if (reason is { Length: > 500 })
        {
            throw new ValidationFailedException("reason", "At most 500 characters.");
        }
        return ChangeAsync(caller, Operation.EnterRegistrations, id, etag, "AmendRegistration", (registration, actor, now, _) =>
        {
            var current = registration.Snapshot();
            var v = new List<FieldViolation>();
            var scope = mask.Contains("scope")
                ? RegistrationForm.ValidateScope(v, "registration.scope", registration.Programme, input.Scope)
                : current.Scope;
            var phone = current.Phone;
            if (mask.Contains("person.phone"))
            {
                if (!Text.IsMobile(input.Phone))
                {
                    v.Add(new("registration.person.phone", "An 11-digit mobile number starting with 1 is required."));
                }
                phone = input.Phone?.Trim() ?? "";
            }
            var address = current.Address;
            if (mask.Contains("person.address"))
            {
                Text.Optional(v, "registration.person.address", input.Address, 200);
                address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
            }
            var contact = current.NotificationContact;
            if (mask.Contains("notification_contact"))
            {
                RegistrationForm.ValidateContact(v, "registration.notification_contact", input.NotificationContact);
                contact = input.NotificationContact is { } c ? new NotificationContact(c.FullName.Trim(), c.Relation.Trim(), c.Phone.Trim()) : null;
            }
            var executor = current.Executor;
            if (mask.Contains("executor"))
            {
                RegistrationForm.ValidateExecutor(v, "registration.executor", input.Executor, false);
                executor = input.Executor is { } x ? new Executor(x.Kind, x.Name.Trim(), x.Phone.Trim()) : null;
            }
            if (executor is null && ScopeRules.NeedsExecutor(scope))
            {
                v.Add(new("registration.executor", "Body donation needs an executor (执行人)."));
            }
            RegistrationForm.ThrowIfAny(v);
            registration.Amend(new AmendableDetails(scope, phone, address, contact, executor), reason?.Trim(), actor, now);
            db.AddIntegrationEvent(new RegistrationAmended(registration.Id, registration.VersionNumber,
                [.. registration.Scope.Select(s => s.ToString())], now));
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>Revokes: the person returns to "no recorded decision"; RegistrationRevoked (counted when it was registered).</summary>
    public Task<VolunteerRegistration> RevokeAsync(Caller caller, Guid id, string? reason, string? etag, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.EnterRegistrations);
        return ChangeAndCountAsync(caller, Operation.EnterRegistrations, id, etag, "RevokeRegistration", (registration, actor, now, _) =>
        {
            var wasRegistered = registration.Status == RegistrationStatus.Registered;
            registration.Revoke(reason ?? "", actor, now);
            db.AddIntegrationEvent(new RegistrationRevoked(registration.Id, registration.Programme.ToString(), registration.RegionCode, now));
            return Task.FromResult<StatisticsCounter?>(wasRegistered ? StatisticsCounter.Revoked : null);
        }, cancellationToken);
    }

    /// <summary>Records a written objection (distinct from revocation); counted; ObjectionRecorded.</summary>
    public Task<VolunteerRegistration> RecordObjectionAsync(Caller caller, Guid id, string? documentReference, string? reason, string? etag,
        CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.EnterRegistrations);
        if (reason is { Length: > 500 })
        {
            throw new ValidationFailedException("reason", "At most 500 characters.");
        }
        return ChangeAndCountAsync(caller, Operation.EnterRegistrations, id, etag, "RecordObjection", (registration, actor, now, _) =>
        {
            registration.RecordObjection(documentReference ?? "", reason, actor, now);
            db.AddIntegrationEvent(new ObjectionRecorded(registration.Id, registration.Programme.ToString(), registration.RegionCode, now));
            return Task.FromResult<StatisticsCounter?>(StatisticsCounter.Objections);
        }, cancellationToken);
    }

    /// <summary>Loads, authorises, checks the etag, applies <paramref name="change"/>, audits, and commits as one transaction.</summary>
    private Task<VolunteerRegistration> ChangeAsync(Caller caller, Operation operation, Guid id, string? etag, string auditOperation,
        Func<VolunteerRegistration, Actor, DateTimeOffset, CancellationToken, Task> change, CancellationToken cancellationToken) =>
        ChangeAndCountAsync(caller, operation, id, etag, auditOperation, async (registration, actor, now, ct) =>
        {
            await change(registration, actor, now, ct);
            return null;
        }, cancellationToken);

    /// <summary>As <see cref="ChangeAsync"/>; the statistics counter <paramref name="change"/> returns (none: null) is added last,
    /// after the change is saved.</summary>
    private Task<VolunteerRegistration> ChangeAndCountAsync(Caller caller, Operation operation, Guid id, string? etag, string auditOperation,
        Func<VolunteerRegistration, Actor, DateTimeOffset, CancellationToken, Task<StatisticsCounter?>> change, CancellationToken cancellationToken) =>
        _unitOfWork.RunAsync(async ct =>
        {
            var registration = await RegistrationAccess.LoadAsync(db, caller, operation, id, track: true, ct);
            ETags.Require(db, registration, r => r.RowVersion, etag, "etag", "Registration", ResourceNames.Registration(id));
            var actor = caller.ToActor();
            var now = clock.GetUtcNow();
            var counter = await change(registration, actor, now, ct);
            audit.Changed(auditOperation, AuditSubjects.Registration, registration.Id, actor);
            if (counter is { } counted)
            {
                await CountLastAsync(registration, counted, now, ct);
            }
            return registration;
        }, cancellationToken);

    /// <summary>Saves the change (with its audit row and outbox events), then adds one to <paramref name="counter"/> as the last
    /// statement before the commit: the statistics stripe's row is then locked for the shortest time (as in EnrollHscVolunteer).
    /// The unit of work's own SaveChanges then has nothing left to write.</summary>
    private async Task CountLastAsync(VolunteerRegistration registration, StatisticsCounter counter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await statistics.CountAsync(counter, registration.Programme.ToString(), registration.RegionCode, registration.PointId, now,
            cancellationToken);
    }

    private void AnnounceRegistered(VolunteerRegistration registration, DateTimeOffset now) =>
        db.AddIntegrationEvent(new VolunteerRegistered(registration.Id, registration.Number!, registration.Programme.ToString(),
            [.. registration.Scope.Select(s => s.ToString())], registration.RegionCode, registration.PointId, registration.Channel.ToString(), now));

    /// <summary>The point named by <paramref name="pointName"/>, checked for access (PERMISSION_DENIED first) and for being Active and
    /// offering <paramref name="service"/> (violations on <paramref name="field"/>).</summary>
    private async Task<RegistrationPoint?> PointForEnrolmentAsync(Caller caller, List<FieldViolation> v, string field, string? pointName,
        PointService service, CancellationToken cancellationToken)
    {
        if (ResourceNames.TryParsePoint(pointName) is not { } pointId)
        {
            v.Add(new(field, "The point (\"registrationPoints/{id}\") is required."));
            return null;
        }
        var row = await PointForEnrolment(db, pointId, caller.Subject, cancellationToken);
        if (row is null)
        {
            v.Add(new(field, "No such registration point."));
            return null;
        }
        var point = RegistrationPoint.ForEnrolment(row.Id, row.Code, row.RegionCode, row.Status, row.Services,
            row.CallerIsStaff ? caller.Subject : null);
        AccessPolicy.Require(caller, Operation.EnterRegistrations, point);
        if (!point.MayEnrol)
        {
            v.Add(new(field, $"Point {point.Code} is {point.Status} and cannot enrol anyone."));
        }
        else if (!point.Services.Contains(service))
        {
            v.Add(new(field, $"Point {point.Code} does not offer {service}."));
        }
        return point;
    }

    /// <summary>The registration an earlier call with this request id created, if any. Asks for the id first: nearly every call is
    /// new, and loading the aggregate with its owned collections only to find nothing is the costly part of a create.</summary>
    private async Task<VolunteerRegistration?> FindByRequestAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var id = await db.Registrations.Where(r => r.RequestId == requestId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await db.Registrations.AsNoTracking().FirstAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>ALREADY_EXISTS when the person has a live registration for the programme; the message names it only to a caller who
    /// may read it.</summary>
    private async Task ThrowIfLiveAsync(Caller caller, byte[] hash, Programme programme, CancellationToken cancellationToken)
    {
        var live = RegistrationLifecycle.Live;
        var existingId = await db.Registrations
            .Where(r => r.Volunteer.IdNumberHash == hash && r.Programme == programme && live.Contains(r.Status))
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (existingId is not null)
        {
            var existing = await db.Registrations.AsNoTracking().FirstAsync(r => r.Id == existingId, cancellationToken);
            throw Duplicate(await RegistrationAccess.MayReadAsync(db, caller, existing, cancellationToken) ? existing : null);
        }
    }

    private static DuplicateException Duplicate(VolunteerRegistration? visible) => visible is null
        ? new DuplicateException("This person already has a live registration for this programme.",
            "此人已有该项目的有效登记，请联系红十字会核实。")
        : new DuplicateException($"This person already has a live registration for this programme: {ResourceNames.Registration(visible.Id)}" +
            (visible.Number is { } n ? $" ({n})." : "."), "此人已有该项目的有效登记。");

    /// <summary>Region of an online registration: the Zhejiang region of the ID number, else the caller's.</summary>
    private static string OnlineRegion(Caller caller, ValidatedPerson person) =>
        person.IdType == IdType.ResidentId && RegionCodes.IsZhejiang(person.IdNumber[..6]) ? person.IdNumber[..6]
        : caller.Region is { } region && RegionCodes.IsZhejiang(region) ? region
        : RegionCodes.Province;
}
