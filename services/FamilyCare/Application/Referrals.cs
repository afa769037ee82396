using DonationRegistry.FamilyCare.Domain.Families;
using DonationRegistry.FamilyCare.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.FamilyCare.Application;

/// <summary>
/// Turns a completion event into a referral: one family per pseudonymous reference, only when the family (or HSC donor) agreed to
/// care contact. Runs inside the consumer's inbox transaction, so a redelivered message is skipped before it gets here; the unique
/// reference catches a second event about the same family.
/// </summary>
public sealed class Referrals(FamilyCareDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>The actor recorded for referrals made from events.</summary>
    public static readonly Actor System = new("familycare-referrals", Roles.Service, "familycare", RegionCodes.Province);

    /// <summary>Adds the referral unless it exists or contact was not agreed; returns whether one was added.</summary>
    public async Task<bool> ReferAsync(ReferralSource source, Guid reference, Guid? caseId, string region, bool careContactAgreed,
        CancellationToken cancellationToken)
    {
        if (!careContactAgreed || !RegionCodes.IsZhejiang(region))
        {
            return false;
        }
        if (await db.Families.AnyAsync(f => f.Reference == reference, cancellationToken) ||
            db.Families.Local.Any(f => f.Reference == reference))
        {
            return false;
        }
        var family = Family.Refer(Guid.CreateVersion7(), source, reference, caseId, region, careContactAgreed, clock.GetUtcNow());
        db.Families.Add(family);
        audit.Changed("Refer" + source, AuditSubjects.Family, family.Id, System, caseId is null ? null : $"case {caseId}");
        return true;
    }
}
