using DonationRegistry.Common.Errors;
using DonationRegistry.OrganCoordination.Domain;
using DonationRegistry.OrganCoordination.Domain.ReceivingUnits;
using DonationRegistry.OrganCoordination.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>A case names a unit that exists, is active and accepts its kind of donation (INVALID_ARGUMENT naming the field otherwise).</summary>
public sealed class ReceivingUnitRules(OrganDbContext db)
{
    public async Task<ReceivingUnit> RequireAcceptingAsync(string unitId, DonationKind donation, string field, CancellationToken cancellationToken)
    {
        var unit = await db.ReceivingUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken)
            ?? throw new ValidationFailedException(field, $"No receiving unit '{unitId}'.", "接收单位不存在。");
        unit.RequireAccepts(donation, field);
        return unit;
    }
}
