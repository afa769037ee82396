using DonationRegistry.FamilyCare.Domain;
using DonationRegistry.FamilyCare.Domain.Aid;
using DonationRegistry.FamilyCare.Domain.Families;
using DonationRegistry.FamilyCare.Domain.Visits;
using DonationRegistry.FamilyCare.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DonationRegistry.FamilyCare.Application;

/// <summary>
/// Staff, campaigns and visits. Scheduling checks the rules in the domain against the bookings in the database, then writes the
/// visit's bookings, whose unique key (staff, date, slot) refuses a double booking that raced past the check.
/// </summary>
public sealed class VisitCommands(FamilyCareDbContext db, UnitOfWork unitOfWork, AuditLog audit, CareClock clock)
{
    public async Task<StaffMember> RegisterStaffAsync(Caller caller, StaffMember member, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ManageStaff, member.Region);
        return await unitOfWork.RunAsync(async ct =>
        {
            var existing = await db.Staff.FirstOrDefaultAsync(s => s.Id == member.Id, ct);
            if (existing is not null)
            {
                CareAccess.Require(caller, Operation.ManageStaff, existing.Region);
                db.Staff.Remove(existing);
                await db.SaveChangesAsync(ct);
            }
            db.Staff.Add(member);
            audit.Changed("RegisterStaffMember", AuditSubjects.StaffMember, Guid.Empty, caller.ToActor(), $"{member.Id} {member.Region}");
            return member;
        }, cancellationToken);
    }

    public async Task<(Campaign Campaign, int Planned)> CreateCampaignAsync(Caller caller, Campaign campaign, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ManageVisits, campaign.Region);
        if (await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaign.Id, cancellationToken) is { } earlier)
        {
            return (earlier, await db.Visits.CountAsync(v => v.CampaignId == earlier.Id, cancellationToken));
        }
        return await unitOfWork.RunAsync(async ct =>
        {
            var prefix = RegionCodes.ScopePrefix(campaign.Region);
            var families = await db.Families.AsNoTracking()
                .Where(f => f.Status == FamilyStatus.Enrolled && f.Region.StartsWith(prefix)).ToListAsync(ct);
            var visits = campaign.PlanVisits(families, new HashSet<Guid>(), Guid.CreateVersion7);
            db.Campaigns.Add(campaign);
            db.Visits.AddRange(visits);
            audit.Changed("CreateCampaign", AuditSubjects.Campaign, campaign.Id, caller.ToActor(), $"{campaign.Kind}: {visits.Count} visits");
            return (campaign, visits.Count);
        }, cancellationToken);
    }

    public async Task<Visit> CreateVisitAsync(Caller caller, Guid requestId, Guid familyId, Guid? campaignId, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ManageVisits);
        if (await db.Visits.AsNoTracking().AnyAsync(v => v.Id == requestId, cancellationToken))
        {
            return await GetAsync(caller, requestId, cancellationToken);
        }
        try
        {
            return await unitOfWork.RunAsync(async ct =>
            {
                var family = await db.Families.AsNoTracking().FirstOrDefaultAsync(f => f.Id == familyId, ct)
                    ?? throw FamilyCommands.NotFound(familyId);
                CareAccess.Require(caller, Operation.ManageVisits, family.Region);
                family.EnsureEnrolled();
                var kind = CampaignKind.Routine;
                if (campaignId is { } cid)
                {
                    var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct)
                        ?? throw new NotFoundException(Names.Campaigns, cid.ToString(), "未找到该活动。");
                    kind = campaign.Kind;
                    var existing = await db.Visits.Where(v => v.FamilyId == familyId && v.CampaignId == cid)
                        .Select(v => new { v.FamilyId, v.CampaignId }).ToListAsync(ct);
                    SchedulingRules.EnsureOnePerCampaign(familyId, cid, existing.Select(v => (v.FamilyId, v.CampaignId)));
                }
                var visit = Visit.Plan(requestId, familyId, family.Region, family.CivilAffairsAssistance, kind, campaignId);
                db.Visits.Add(visit);
                audit.Changed("CreateVisit", AuditSubjects.Visit, visit.Id, caller.ToActor(), $"family {familyId}");
                return visit;
            }, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new DuplicateException($"Family {familyId} already has a visit in campaign {campaignId}.", "该家庭在本次活动中已有走访安排。");
        }
    }

    public async Task<Visit> GetAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ReadCare);
        var visit = await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw VisitNotFound(id);
        CareAccess.Require(caller, Operation.ReadCare, visit.Region);
        return visit;
    }

    public async Task<Visit> ScheduleAsync(Caller caller, Guid id, VisitSlot slot, IReadOnlyList<string> staffIds, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ManageVisits);
        try
        {
            return await unitOfWork.RunAsync(async ct =>
            {
                var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw VisitNotFound(id);
                CareAccess.Require(caller, Operation.ManageVisits, visit.Region);
                var staff = await StaffAsync(staffIds, ct);
                var taken = await db.Bookings.Where(b => b.Date == slot.Date && b.Slot == slot.Slot && staffIds.Contains(b.StaffId))
                    .ToListAsync(ct);
                visit.Schedule(slot, staff, taken.Select(b => b.ToBooking()), clock.Now);
                var held = await db.Bookings.Where(b => b.VisitId == id).ToListAsync(ct);
                db.Bookings.RemoveRange(held.Where(b => b.Date != slot.Date || b.Slot != slot.Slot || !staffIds.Contains(b.StaffId)));
                foreach (var member in staff.Where(m => !held.Any(b => b.StaffId == m.Id && b.Date == slot.Date && b.Slot == slot.Slot)))
                {
                    db.Bookings.Add(new StaffBooking(member.Id, slot.Date, slot.Slot, id));
                }
                audit.Changed("ScheduleVisit", AuditSubjects.Visit, id, caller.ToActor(), $"{slot} {string.Join(",", staffIds)}");
                return visit;
            }, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new CareRuleException(CareRules.StaffDoubleBooked, $"A staff member was booked for {slot} by another visit meanwhile.",
                "该工作人员在此时段已有走访安排。");
        }
    }

    public Task<Visit> RecordVisitedAsync(Caller caller, Guid id, VisitOutcome outcome, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, "RecordVisitOutcome", async (visit, ct) =>
        {
            visit.RecordVisited(outcome, clock.Now);
            // A visit reviews the family's aided children for this term.
            var reviewedOn = visit.ScheduledDate ?? clock.Today;
            var aided = await db.AidCases.Where(a => a.FamilyId == visit.FamilyId && AidLifecycle.Aided.Contains(a.Status)).ToListAsync(ct);
            aided.ForEach(a => a.RecordReview(reviewedOn));
        }, cancellationToken);

    public Task<Visit> RecordMissedAsync(Caller caller, Guid id, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, "RecordVisitOutcome", (visit, _) =>
        {
            visit.RecordMissed(reason, clock.Now);
            return Task.CompletedTask;
        }, cancellationToken);

    internal async Task<List<StaffMember>> StaffAsync(IReadOnlyList<string> staffIds, CancellationToken ct)
    {
        var found = await db.Staff.AsNoTracking().Where(s => staffIds.Contains(s.Id)).ToListAsync(ct);
        var missing = staffIds.Where(id => found.All(s => s.Id != id)).ToList();
        if (missing.Count > 0)
        {
            throw new NotFoundException(Names.StaffMembers, string.Join(",", missing), "未找到该工作人员。");
        }
        // Keep the caller's order; a repeated id stays repeated so the domain rule can name it.
        return [.. staffIds.Select(id => found.First(s => s.Id == id))];
    }

    private Task<Visit> ChangeAsync(Caller caller, Guid id, string operation, Func<Visit, CancellationToken, Task> change,
        CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ManageVisits);
        return unitOfWork.RunAsync(async ct =>
        {
            var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw VisitNotFound(id);
            CareAccess.Require(caller, Operation.ManageVisits, visit.Region);
            await change(visit, ct);
            audit.Changed(operation, AuditSubjects.Visit, id, caller.ToActor(), visit.Status.ToString());
            return visit;
        }, cancellationToken);
    }

    internal static NotFoundException VisitNotFound(Guid id) => new(Names.Visits, id.ToString(), "未找到该走访。");
}
