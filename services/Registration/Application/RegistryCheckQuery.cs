using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using DonationRegistry.Common.PersonalData;
using DonationRegistry.Registration.Domain.Registrations;
using DonationRegistry.Registration.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Registration.Application;

/// <summary>One registration or objection the registry holds for a person.</summary>
public sealed record RegistryEntry(Guid RegistrationId, Programme Programme, IReadOnlyList<DonationScope> Scope, bool Objection);

/// <summary>The registry's answer for one ID number: objection before registration before nothing.</summary>
public sealed record RegistryAnswer(IReadOnlyList<RegistryEntry> Entries)
{
    public bool Objection => Entries.Any(e => e.Objection);
    public bool Registered => !Objection && Entries.Count > 0;
}

/// <summary>
/// The registry check other services make (OrganCoordination before a donation case goes on; 条例 Art 9): only a service caller
/// with the <c>registration</c> scope; the number is looked up by its keyed hash, never stored or logged; only confirmed
/// registrations and recorded objections count; the check is audited (one row per registration found, or one row without a
/// subject when nothing was found).
/// </summary>
public sealed class RegistryCheckQuery(RegistrationDbContext db, IdNumberProtection protection, AuditLog audit, TimeProvider clock)
{
    public const string Operation = "CheckRegistry";
    public const string NothingFoundSubject = "RegistryCheck";

    public async Task<RegistryAnswer> CheckAsync(Caller caller, bool hasRegistrationScope, IdType type, string? idNumber, Programme? programme,
        string? purpose, CancellationToken cancellationToken)
    {
        if (caller.Role != Roles.Service || !hasRegistrationScope)
        {
            throw new AccessDeniedException("Only a service with the registration scope may check the registry.", "仅限系统服务调用。");
        }
        var number = ResidentIdNumber.Normalise(idNumber);
        var today = StatisticsProjection.DayOf(clock.GetUtcNow());
        var violations = new List<FieldViolation>();
        if (!Enum.IsDefined(type))
        {
            violations.Add(new("id_type", "A known ID document type is required."));
        }
        else if (!RegistrationForm.TryDocumentNumber(type, number, today, out _, out var error))
        {
            violations.Add(new("id_number", error));
        }
        if (string.IsNullOrWhiteSpace(purpose) || purpose.Trim().Length > AuditLog.MaxPurposeLength)
        {
            violations.Add(new("purpose", $"Say why the registry is checked (1–{AuditLog.MaxPurposeLength} characters)."));
        }
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations, "查询条件有误。");
        }

        var hash = protection.LookupHash(type, number);
        var found = await db.Registrations.AsNoTracking()
            .Where(r => r.Volunteer.IdNumberHash == hash
                && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.ObjectionRecorded)
                && (programme == null || r.Programme == programme))
            .Select(r => new { r.Id, r.Programme, r.Scope, r.Status })
            .ToListAsync(cancellationToken);
        var entries = found
            .Select(r => new RegistryEntry(r.Id, r.Programme, r.Status == RegistrationStatus.ObjectionRecorded ? [] : r.Scope,
                r.Status == RegistrationStatus.ObjectionRecorded))
            .ToList();

        var actor = caller.ToActor();
        if (entries.Count == 0)
        {
            audit.Read(Operation, NothingFoundSubject, [Guid.Empty], actor, purpose!);
        }
        else
        {
            audit.Read(Operation, AuditSubjects.Registration, entries.Select(e => e.RegistrationId), actor, purpose!);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new RegistryAnswer(entries);
    }
}
