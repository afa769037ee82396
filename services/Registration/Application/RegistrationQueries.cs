using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DonationRegistry.Common.Errors;
using DonationRegistry.Common.PersonalData;
using DonationRegistry.Registration.Domain;
using DonationRegistry.Registration.Domain.Registrations;
using DonationRegistry.Registration.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Registration.Application;

/// <summary>The search criteria of SearchRegistrations (all optional, combined with AND).</summary>
public sealed record RegistrationSearch(
    string? RegistrationNumber, IdType? IdType, string? IdNumber, string? FullName, string? PointName, string? RegionCode,
    RegistrationStatus? Status, string? CreatedFrom, string? CreatedTo, int PageSize, string? PageToken);

/// <summary>The public certificate check's answer.</summary>
public sealed record CertificateCheck(bool Valid, string MaskedName, IReadOnlyList<DonationScope> Scope);

/// <summary>
/// Reads of registrations. Every read of a person names its purpose and is written to the audit log before the data is returned
/// (no audit row, no data). Responses carry ID numbers masked only (<c>3301**********1231</c>): this API offers no unmasking; a
/// person's full number is only ever compared through its keyed hash.
/// </summary>
public sealed class RegistrationQueries(RegistrationDbContext db, IdNumberProtection protection, AuditLog audit)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public async Task<VolunteerRegistration> GetAsync(Caller caller, Guid id, string? purpose, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadRegistrations);
        AuditLog.RequirePurpose(purpose);
        var registration = await RegistrationAccess.LoadAsync(db, caller, Operation.ReadRegistrations, id, track: false, cancellationToken);
        await AuditReadAsync("GetRegistration", [registration.Id], caller, purpose!, cancellationToken);
        return registration;
    }

    /// <summary>The registration with every kept version (the versions are in the registration, oldest first).</summary>
    public async Task<VolunteerRegistration> ListVersionsAsync(Caller caller, Guid id, string? purpose, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadRegistrations);
        AuditLog.RequirePurpose(purpose);
        var registration = await RegistrationAccess.LoadAsync(db, caller, Operation.ReadRegistrations, id, track: false, cancellationToken);
        await AuditReadAsync("ListRegistrationVersions", [registration.Id], caller, purpose!, cancellationToken);
        return registration;
    }

    /// <summary>One page of registrations matching <paramref name="search"/> within the caller's scope, newest first.</summary>
    public async Task<(IReadOnlyList<VolunteerRegistration> Registrations, string? NextPageToken)> SearchAsync(Caller caller,
        RegistrationSearch search, string? purpose, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadRegistrations);
        AuditLog.RequirePurpose(purpose);
        var v = new List<FieldViolation>();
        var size = PageTokens.Size(search.PageSize);
        var after = ParseCursor(PageTokens.Decode(search.PageToken));
        IQueryable<VolunteerRegistration> query = db.Registrations.AsNoTracking();

        if (caller.Role == Common.Roles.RegistrationClerk)
        {
            var subject = caller.Subject;
            var orgId = caller.OrgId;
            var mine = db.Points.Where(p => p.Staff.Any(s => s.UserId == subject) || p.Code == orgId).Select(p => (Guid?)p.Id);
            query = query.Where(r => mine.Contains(r.PointId));
        }
        else if (AccessPolicy.RegionPrefix(caller) is { } scope)
        {
            query = query.Where(r => r.RegionCode.StartsWith(scope));
        }
        else
        {
            return ([], null);
        }

        if (!string.IsNullOrWhiteSpace(search.RegistrationNumber))
        {
            var number = search.RegistrationNumber.Trim().ToUpperInvariant();
            query = query.Where(r => r.Number == number);
        }
        if (!string.IsNullOrWhiteSpace(search.IdNumber))
        {
            if (search.IdType is not { } type || !Enum.IsDefined(type))
            {
                v.Add(new("id_type", "The document type of the ID number is required."));
            }
            else
            {
                var hash = protection.LookupHash(type, ResidentIdNumber.Normalise(search.IdNumber));
                query = query.Where(r => r.Volunteer.IdNumberHash == hash);
            }
        }
        if (!string.IsNullOrWhiteSpace(search.FullName))
        {
            var name = search.FullName.Trim();
            if (name.Length > 50)
            {
                v.Add(new("full_name", "At most 50 characters."));
            }
            query = query.Where(r => r.Volunteer.FullName.StartsWith(name));
        }
        if (!string.IsNullOrWhiteSpace(search.PointName))
        {
            if (ResourceNames.TryParsePoint(search.PointName) is { } pointId)
            {
                query = query.Where(r => r.PointId == pointId);
            }
            else
            {
                v.Add(new("registration_point", "A resource name \"registrationPoints/{id}\" is expected."));
            }
        }
        if (!string.IsNullOrWhiteSpace(search.RegionCode))
        {
            if (RegionCodes.IsWellFormed(search.RegionCode))
            {
                var prefix = RegionCodes.ScopePrefix(search.RegionCode);
                query = query.Where(r => r.RegionCode.StartsWith(prefix));
            }
            else
            {
                v.Add(new("region_code", "A six-digit GB/T 2260 code is expected."));
            }
        }
        if (search.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }
        if (ParseDay(v, "created_from", search.CreatedFrom) is { } from)
        {
            var start = StartOf(from);
            query = query.Where(r => r.CreatedAt >= start);
        }
        if (ParseDay(v, "created_to", search.CreatedTo) is { } to)
        {
            var end = StartOf(to.AddDays(1));
            query = query.Where(r => r.CreatedAt < end);
        }
        if (v.Count > 0)
        {
            throw new ValidationFailedException(v, "查询条件有误。");
        }
        if (after is { } cursor)
        {
            query = query.Where(r => r.CreatedAt < cursor.At || (r.CreatedAt == cursor.At && r.Id.CompareTo(cursor.Id) < 0));
        }

        var page = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(size + 1).ToListAsync(cancellationToken);
        string? next = null;
        if (page.Count > size)
        {
            page = page[..size];
            var last = page[^1];
            next = PageTokens.Encode(string.Create(CultureInfo.InvariantCulture, $"{last.CreatedAt.UtcTicks}|{last.Id}"));
        }
        await AuditReadAsync("SearchRegistrations", page.Select(r => r.Id), caller, purpose!, cancellationToken);
        return (page, next);
    }

    /// <summary>The anonymous certificate check: valid only when the number and code match a registration that is Registered now;
    /// reveals nothing else about an invalid one.</summary>
    public async Task<CertificateCheck> VerifyCertificateAsync(string? registrationNumber, string? verificationCode,
        CancellationToken cancellationToken)
    {
        var invalid = new CertificateCheck(false, "", []);
        var number = registrationNumber?.Trim().ToUpperInvariant();
        if (!RegistrationNumber.IsWellFormed(number) || string.IsNullOrWhiteSpace(verificationCode))
        {
            return invalid;
        }
        var registration = await db.Registrations.AsNoTracking()
            .Where(r => r.Number == number && r.Status == RegistrationStatus.Registered)
            .Select(r => new { r.VerificationCode, r.Volunteer.FullName, r.Scope })
            .FirstOrDefaultAsync(cancellationToken);
        var code = Encoding.ASCII.GetBytes(verificationCode.Trim().ToUpperInvariant());
        if (registration?.VerificationCode is not { } expected
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), code))
        {
            return invalid;
        }
        var name = registration.FullName;
        return new CertificateCheck(true, name.Length <= 1 ? name : name[0] + new string('*', name.Length - 1), registration.Scope);
    }

    private async Task AuditReadAsync(string operation, IEnumerable<Guid> ids, Caller caller, string purpose, CancellationToken cancellationToken)
    {
        audit.Read(operation, AuditSubjects.Registration, ids, caller.ToActor(), purpose);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateOnly? ParseDay(List<FieldViolation> v, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        v.Add(new(field, "A date YYYY-MM-DD is expected."));
        return null;
    }

    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Shanghai.GetUtcOffset(local)).ToUniversalTime();
    }

    private static (DateTimeOffset At, Guid Id)? ParseCursor(string? key)
    {
        if (key is null)
        {
            return null;
        }
        var parts = key.Split('|');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks is > 0 && ticks < DateTimeOffset.MaxValue.UtcTicks && Guid.TryParse(parts[1], out var id)
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : throw new ValidationFailedException("page_token", "Not a page token this service issued.");
    }
}
