using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using DonationRegistry.Hsc.Domain.Donors;
using DonationRegistry.Hsc.Domain.Typings;
using DonationRegistry.Hsc.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Hsc.Application;

/// <summary>Reads of donors, each audited with the caller's purpose before the data is returned.</summary>
public sealed class DonorQueries(HscDbContext db, AuditLog audit)
{
    /// <summary>One donor with its current typing.</summary>
    public async Task<(Donor Donor, TypingRecord? Typing)> GetAsync(Caller caller, Guid donorId, string? purpose, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadDonors);
        AuditLog.RequirePurpose(purpose);
        var donor = await LoadAsync(caller, donorId, cancellationToken);
        var typing = donor.CurrentTypingId is { } typingId
            ? await db.Typings.AsNoTracking().FirstOrDefaultAsync(t => t.Id == typingId, cancellationToken)
            : null;
        audit.Read("GetDonor", AuditSubjects.Donor, [donor.Id], caller.ToActor(), purpose!);
        await db.SaveChangesAsync(cancellationToken);
        return (donor, typing);
    }

    /// <summary>A page of donors in the caller's region, ordered by id, with their current typings.</summary>
    public async Task<(IReadOnlyList<(Donor Donor, TypingRecord? Typing)> Page, Guid? Next)> ListAsync(Caller caller, DonorStatus? status,
        string? regionCode, bool? typed, int pageSize, Guid? after, string? purpose, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadDonors);
        AuditLog.RequirePurpose(purpose);
        var prefix = AccessPolicy.RegionPrefix(caller)
            ?? throw new AccessDeniedException("Your account names no region.", "您的账户没有所属地区。");
        var query = db.Donors.AsNoTracking().Where(d => d.RegionCode.StartsWith(prefix));
        if (!string.IsNullOrEmpty(regionCode))
        {
            if (!RegionCodes.IsWellFormed(regionCode))
            {
                throw new ValidationFailedException("region_code", "Expected a six-digit GB/T 2260 code.", "地区代码格式不正确。");
            }
            var filter = RegionCodes.ScopePrefix(regionCode);
            if (!filter.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new AccessDeniedException($"You may not read donors of region {regionCode}.", "您无权查看该地区的捐献者。");
            }
            query = query.Where(d => d.RegionCode.StartsWith(filter));
        }
        if (status is { } s)
        {
            query = query.Where(d => d.Status == s);
        }
        if (typed is { } t)
        {
            query = t ? query.Where(d => d.CurrentTypingId != null) : query.Where(d => d.CurrentTypingId == null);
        }
        if (after is { } a)
        {
            query = query.Where(d => d.Id.CompareTo(a) > 0);
        }
        var donors = await query.OrderBy(d => d.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var page = donors.Take(pageSize).ToList();
        var typingIds = page.Where(d => d.CurrentTypingId != null).Select(d => d.CurrentTypingId!.Value).ToList();
        var typings = await db.Typings.AsNoTracking().Where(x => typingIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, cancellationToken);
        audit.Read("ListDonors", AuditSubjects.Donor, page.Select(d => d.Id), caller.ToActor(), purpose!);
        await db.SaveChangesAsync(cancellationToken);
        IReadOnlyList<(Donor, TypingRecord?)> result =
            [.. page.Select(d => (d, d.CurrentTypingId is { } id ? typings.GetValueOrDefault(id) : null))];
        return (result, donors.Count > pageSize ? page[^1].Id : null);
    }

    /// <summary>Every typing of a donor, newest first.</summary>
    public async Task<(Donor Donor, IReadOnlyList<TypingRecord> Typings)> HistoryAsync(Caller caller, Guid donorId, string? purpose,
        CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadDonors);
        AuditLog.RequirePurpose(purpose);
        var donor = await LoadAsync(caller, donorId, cancellationToken);
        var typings = await db.Typings.AsNoTracking().Where(t => t.DonorId == donorId)
            .OrderByDescending(t => t.RecordedAt).ThenByDescending(t => t.Id).ToListAsync(cancellationToken);
        audit.Read("GetDonorTypingHistory", AuditSubjects.Donor, [donor.Id], caller.ToActor(), purpose!);
        await db.SaveChangesAsync(cancellationToken);
        return (donor, typings);
    }

    private async Task<Donor> LoadAsync(Caller caller, Guid donorId, CancellationToken cancellationToken)
    {
        var donor = await db.Donors.AsNoTracking().FirstOrDefaultAsync(d => d.Id == donorId, cancellationToken)
            ?? throw new NotFoundException("Donor", ResourceNames.Donor(donorId), "未找到该捐献者。");
        AccessPolicy.Require(caller, Operation.ReadDonors, donor.RegionCode);
        return donor;
    }
}
