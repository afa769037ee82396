using DonationRegistry.Contracts;
using DonationRegistry.Hsc.Domain.Collection;
using DonationRegistry.Hsc.Infrastructure;
using DonationRegistry.Messaging;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DonationRegistry.Hsc.Application.Collection;

/// <summary>
/// One pass of the follow-up reminders: for every unrecorded visit due within the lead days (or overdue) of a case that was not
/// cancelled, publishes FollowUpDue once per visit, due date and kind, recording the reminder in the same transaction.
/// </summary>
public sealed class FollowUpReminderSweep(HscDbContext db, UnitOfWork unitOfWork, CollectionClock clock, IOptions<CollectionOptions> options)
{
    public const int BatchSize = 500;

    /// <summary>Runs one pass; returns the reminders sent.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => unitOfWork.RunAsync(async ct =>
    {
        var now = clock.Now;
        var today = ShanghaiDate.Of(now);
        var horizon = today.AddDays(options.Value.ReminderLeadDays);
        var cases = await db.CollectionCases.AsNoTracking()
            .Where(c => c.Status != CollectionCaseStatus.Cancelled && c.FollowUps.Any(f => f.VisitedOn == null && f.DueOn <= horizon))
            .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var sent = (await db.Set<CollectionReminder>().Where(r => ids.Contains(r.CaseId)).ToListAsync(ct))
            .Select(r => (r.CaseId, r.VisitDay, r.DueOn, r.Overdue)).ToHashSet();
        var count = 0;
        foreach (var c in cases)
        {
            foreach (var visit in c.FollowUps.Where(f => !f.IsRecorded && f.DueOn <= horizon))
            {
                var overdue = visit.DueOn < today;
                if (!sent.Add((c.Id, visit.Day, visit.DueOn, overdue)))
                {
                    continue;
                }
                db.Set<CollectionReminder>().Add(new CollectionReminder(c.Id, visit.Day, visit.DueOn, overdue, now));
                db.AddIntegrationEvent(new FollowUpDue(c.Id, c.DonorId, c.LocalRegion, visit.Day, ShanghaiDate.StartOf(visit.DueOn), overdue, now));
                count++;
            }
        }
        return count;
    }, cancellationToken);
}
