using System.Globalization;
using DonationRegistry.Common.Errors;
using DonationRegistry.OrganCoordination.Domain;
using DonationRegistry.OrganCoordination.Domain.ReceivingUnits;
using DonationRegistry.OrganCoordination.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>The input of a unit's create or update: every field of the resource.</summary>
public sealed record ReceivingUnitInput(string DisplayName, ReceivingUnitKind Kind, string RegionCode, IReadOnlyCollection<DonationKind> Accepted,
    bool Active);

/// <summary>
/// Receiving units and banks (reference data, no personal data): officers inside their region and administrators change them, who
/// changed last and when is kept on the unit; every case role reads them.
/// </summary>
public sealed class ReceivingUnitCommands(OrganDbContext db, UnitOfWork work, TimeProvider clock)
{
    public async Task<ReceivingUnit> CreateAsync(Caller caller, string? id, ReceivingUnitInput input, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ManageReceivingUnits);
        var unit = ReceivingUnit.Create(id ?? "", input.DisplayName, input.Kind, input.RegionCode, input.Accepted, input.Active,
            caller.ToActor(), clock.GetUtcNow());
        AccessPolicy.RequireRegion(caller, Operation.ManageReceivingUnits, unit.RegionCode);
        return await work.RunAsync(async ct =>
        {
            if (await db.ReceivingUnits.AnyAsync(u => u.Id == unit.Id, ct))
            {
                throw new DuplicateException($"Receiving unit '{unit.Id}' exists already.", "该接收单位编号已存在。");
            }
            db.ReceivingUnits.Add(unit);
            return unit;
        }, cancellationToken);
    }

    public Task<ReceivingUnit> UpdateAsync(Caller caller, string id, string? etag, ReceivingUnitInput input, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ManageReceivingUnits);
        return work.RunAsync(async ct =>
        {
            var unit = await db.ReceivingUnits.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw NotFound(id);
            AccessPolicy.RequireRegion(caller, Operation.ManageReceivingUnits, unit.RegionCode);
            ETags.Require(db, unit, u => u.RowVersion, etag, "ReceivingUnit", id);
            unit.Update(input.DisplayName, input.Kind, input.RegionCode, input.Accepted, input.Active, caller.ToActor(), clock.GetUtcNow());
            // Moving a unit out of the officer's region is moving it out of their reach: refused like any other region.
            AccessPolicy.RequireRegion(caller, Operation.ManageReceivingUnits, unit.RegionCode);
            return unit;
        }, cancellationToken);
    }

    public async Task<ReceivingUnit> GetAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadReceivingUnits);
        return await db.ReceivingUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw NotFound(id);
    }

    /// <summary>Units by id (a short reference list: the page token is the offset).</summary>
    public async Task<(IReadOnlyList<ReceivingUnit> Page, string? Next)> ListAsync(Caller caller, ReceivingUnitKind? kind, DonationKind? accepts,
        bool activeOnly, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadReceivingUnits);
        var size = PageTokens.Size(pageSize);
        var query = db.ReceivingUnits.AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(u => u.Kind == k);
        }
        if (accepts is { } a)
        {
            query = query.Where(u => u.AcceptedDonations.Contains(a));
        }
        if (activeOnly)
        {
            query = query.Where(u => u.Active);
        }
        var offset = 0;
        if (PageTokens.Decode(pageToken) is { } after && !int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            throw new ValidationFailedException("page_token", "Not a page token this service issued.");
        }
        var page = await query.OrderBy(u => u.Id).Skip(offset).Take(size + 1).ToListAsync(cancellationToken);
        string? next = null;
        if (page.Count > size)
        {
            page.RemoveAt(size);
            next = PageTokens.Encode((offset + size).ToString(CultureInfo.InvariantCulture));
        }
        return (page, next);
    }

    private static NotFoundException NotFound(string id) => new("ReceivingUnit", ResourceNames.ReceivingUnit(id), "接收单位不存在。");
}
