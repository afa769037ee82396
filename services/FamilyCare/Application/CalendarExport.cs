using DonationRegistry.FamilyCare.Domain.Visits;
using DonationRegistry.FamilyCare.Infrastructure;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.FamilyCare.Application;

/// <summary>
/// A staff member's scheduled visits as an iCalendar document (RFC 5545, written with Ical.Net), one VEVENT per visit with local
/// times in Asia/Shanghai (and its VTIMEZONE), so phones show them at the right hour. Events name the campaign kind and district and
/// link the visit resource; no family member's name leaves the service this way.
/// </summary>
public sealed class CalendarExport(FamilyCareDbContext db, AuditLog audit)
{
    public const string TimeZoneId = "Asia/Shanghai";
    public const string ContentType = "text/calendar";

    private static readonly VisitStatus[] Shown = [VisitStatus.Scheduled, VisitStatus.Visited, VisitStatus.FollowedUp];

    public async Task<(string Content, int Events)> ExportAsync(Caller caller, string staffId, DateOnly from, int days,
        CancellationToken cancellationToken)
    {
        var member = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == staffId, cancellationToken)
            ?? throw new NotFoundException(Names.StaffMembers, staffId, "未找到该工作人员。");
        if (caller.Subject != staffId)
        {
            CareAccess.Require(caller, Operation.ReadCare, member.Region);
        }
        var to = from.AddDays(days);
        var visitIds = await db.Bookings.AsNoTracking()
            .Where(b => b.StaffId == staffId && b.Date >= from && b.Date < to).Select(b => b.VisitId).ToListAsync(cancellationToken);
        var visits = await db.Visits.AsNoTracking().Where(v => visitIds.Contains(v.Id) && Shown.Contains(v.Status)).ToListAsync(cancellationToken);
        if (visits.Count > 0)
        {
            audit.Read("ExportCalendar", AuditSubjects.Visit, visits.Select(v => v.Id), caller.ToActor(), "staff calendar");
            await db.SaveChangesAsync(cancellationToken);
        }
        return (Write(member, visits), visits.Count);
    }

    /// <summary>The VCALENDAR text for <paramref name="visits"/> (those with a slot), ordered by start.</summary>
    public static string Write(StaffMember member, IEnumerable<Visit> visits)
    {
        var calendar = new Calendar { ProductId = "-//DonationRegistry//FamilyCare 小桔灯//ZH" };
        calendar.AddTimeZone(TimeZoneId);
        calendar.AddProperty("X-WR-CALNAME", $"小桔灯走访 · {member.Name}");
        foreach (var visit in visits.Where(v => v.Slot is not null).OrderBy(v => v.Slot!.Value).ThenBy(v => v.Id))
        {
            var slot = visit.Slot!.Value;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{visit.Id:D}@familycare.donationregistry",
                Summary = $"走访（{KindText(visit.Kind)}）· {visit.Region}",
                Description = $"{Names.Of(Names.Visits, visit.Id)} · {Names.Of(Names.Families, visit.FamilyId)} · {visit.Status}",
                Start = new CalDateTime(slot.Date, slot.StartsAt, TimeZoneId),
                End = new CalDateTime(slot.Date, slot.EndsAt, TimeZoneId),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static string KindText(CampaignKind kind) => kind switch
    {
        CampaignKind.SpringFestival => "博爱送万家",
        CampaignKind.DoubleNinth => "重阳",
        CampaignKind.MemorialDay => "缅怀纪念日",
        _ => "日常关爱",
    };
}
