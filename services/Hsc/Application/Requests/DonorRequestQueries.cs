using System.Globalization;
using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using DonationRegistry.Hsc.Domain.Requests;
using DonationRegistry.Hsc.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using R = DonationRegistry.Common.Roles;

namespace DonationRegistry.Hsc.Application.Requests;

/// <summary>Reads of donor requests, each audited (per donor, with the caller's purpose) before the data is returned.</summary>
public sealed class DonorRequestQueries(HscDbContext db, AuditLog audit)
{
    public async Task<DonorRequest> GetAsync(Caller caller, Guid requestId, string? purpose, CancellationToken cancellationToken)
    {
        RequestAccess.Require(caller, RequestOperation.Read);
        AuditLog.RequirePurpose(purpose);
        var request = await db.DonorRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new NotFoundException("DonorRequest", DonorRequestNames.Format(requestId), "未找到该申请。");
        RequestAccess.Require(caller, RequestOperation.Read, request);
        audit.Read("GetDonorRequest", AuditSubjects.Donor, [request.DonorId], caller.ToActor(), purpose!);
        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    /// <summary>A page of the requests the caller may see, newest first (keyset on opening time and id).</summary>
    public async Task<(IReadOnlyList<DonorRequest> Page, string? Next)> ListAsync(Caller caller, DonorRequestFilter filter, int pageSize,
        string? pageToken, string? purpose, CancellationToken cancellationToken)
    {
        RequestAccess.Require(caller, RequestOperation.Read);
        var v = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(purpose) || purpose.Trim().Length > AuditLog.MaxPurposeLength)
        {
            v.Add(new FieldViolation("purpose", $"Say why you read these requests (1–{AuditLog.MaxPurposeLength} characters)."));
        }
        if (filter.CityRegion is { } city && (!RegionCodes.IsZhejiang(city) || city == RegionCodes.Province || RegionCodes.CityOf(city) != city))
        {
            v.Add(new FieldViolation("city_region", $"'{city}': expected the six-digit code of a Zhejiang city."));
        }
        (DateTimeOffset At, Guid Id)? after = null;
        if (PageTokens.Decode(pageToken) is { } key)
        {
            var parts = key.Split('|');
            if (parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) && Guid.TryParse(parts[1], out var id))
            {
                after = (new DateTimeOffset(ticks, TimeSpan.Zero), id);
            }
            else
            {
                v.Add(new FieldViolation("page_token", "Not a page token this service issued."));
            }
        }
        if (v.Count > 0)
        {
            throw new ValidationFailedException(v, "输入有误，请检查标出的字段。");
        }
        var prefix = AccessPolicy.RegionPrefix(caller)
            ?? throw new AccessDeniedException("Your account names no region.", "您的账户没有所属地区。");
        var query = db.DonorRequests.AsNoTracking();
        query = caller.Role switch
        {
            R.HscCoordinator => query.Where(r => r.CityRegion.StartsWith(prefix)),
            R.LocalRedCrossOfficer => query.Where(r => r.DonorRegion.StartsWith(prefix)),
            _ => query.Where(r => r.CityRegion.StartsWith(prefix) || r.DonorRegion.StartsWith(prefix)),
        };
        if (filter.CityRegion is { } c)
        {
            query = query.Where(r => r.CityRegion == c);
        }
        if (filter.Status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }
        if (filter.DonorId is { } donorId)
        {
            query = query.Where(r => r.DonorId == donorId);
        }
        if (filter.SearchId is { } searchId)
        {
            query = query.Where(r => r.SearchId == searchId);
        }
        if (after is { } a)
        {
            query = query.Where(r => r.OpenedAt < a.At || (r.OpenedAt == a.At && r.Id.CompareTo(a.Id) < 0));
        }
        var rows = await query.OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var page = rows.Take(pageSize).ToList();
        if (page.Count > 0)
        {
            audit.Read("ListDonorRequests", AuditSubjects.Donor, page.Select(r => r.DonorId).Distinct(), caller.ToActor(), purpose!);
            await db.SaveChangesAsync(cancellationToken);
        }
        return (page, rows.Count > pageSize
            ? PageTokens.Encode($"{page[^1].OpenedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{page[^1].Id}")
            : null);
    }
}
