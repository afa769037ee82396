using DonationRegistry.Common;
using DonationRegistry.Contracts;
using DonationRegistry.Hsc.Domain.Donors;
using DonationRegistry.Hsc.Domain.Requests;
using DonationRegistry.Hsc.Infrastructure;
using DonationRegistry.Messaging;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Hsc.Application.Requests;

/// <summary>
/// A donor is Reserved while any active donor request holds it and released when the last one ends. Both run inside the caller's
/// unit of work: the donor's change, its audit row and the DonorReserved/DonorReleased event commit together (outbox). The search
/// index picks the change up from the change feed (the donor's UpdatedAt moves).
/// </summary>
public sealed class DonorReservations(HscDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Reserves the donor for <paramref name="request"/> unless another active request already holds it.</summary>
    public void HoldFor(Donor donor, DonorRequest request, Actor actor)
    {
        if (!DonorHold.MustReserve(donor))
        {
            return;
        }
        var now = clock.GetUtcNow();
        donor.Reserve(now);
        audit.Changed("ReserveDonor", AuditSubjects.Donor, donor.Id, actor, $"donor request {request.Id}");
        db.AddIntegrationEvent(new DonorReserved(donor.Id, request.Id, request.CityRegion, now));
    }

    /// <summary>
    /// Releases the donor when no active request holds it any more (Reserved → Available), publishing DonorReleased through the
    /// outbox in the caller's unit of work. Requests changed in this unit of work count with their unsaved state. Returns whether
    /// the donor was released.
    /// </summary>
    public async Task<bool> ReleaseIfUnheldAsync(Guid donorId, Actor actor, CancellationToken ct)
    {
        var active = DonorRequestLifecycle.Active.ToArray();
        // Tracked requests keep their in-memory (possibly just closed) state: the query resolves to the same instances.
        var holders = await db.DonorRequests.Where(r => r.DonorId == donorId && active.Contains(r.Status)).ToListAsync(ct);
        var added = db.ChangeTracker.Entries<DonorRequest>()
            .Where(e => e.State == EntityState.Added && e.Entity.DonorId == donorId).Select(e => e.Entity);
        var donor = await db.Donors.FirstOrDefaultAsync(d => d.Id == donorId, ct);
        if (donor is null || !DonorHold.MayRelease(donor, holders.Concat(added)))
        {
            return false;
        }
        var now = clock.GetUtcNow();
        donor.Release(now);
        audit.Changed("ReleaseDonor", AuditSubjects.Donor, donor.Id, actor, "no active donor request");
        db.AddIntegrationEvent(new DonorReleased(donor.Id, now));
        return true;
    }
}
