using System.Globalization;
using DonationRegistry.FamilyCare.V1;
using DonationRegistry.TestSupport;
using Xunit;

namespace DonationRegistry.FamilyCare.Tests;

/// <summary>The staff calendar parses back with Ical.Net: every scheduled visit is there, at its local time in Asia/Shanghai.</summary>
[Collection(FamilyCareFixture.Collection)]
public sealed class CalendarExportTests(FamilyCareFixture fixture)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task ExportCalendar_ForAStaffMembersSchedule_ParsesBackWithEveryVisitAtItsShanghaiTime()
    {
        var manager = fixture.Client<Visits.VisitsClient>(await fixture.StaffTokenAsync());
        var (staffId, staffToken) = await fixture.NewStaffMemberAsync();
        var (otherId, _) = await fixture.NewStaffMemberAsync();
        var start = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3));
        var plan = new (int Day, TimeSlot Slot, TimeOnly Starts)[]
        {
            (0, TimeSlot.Morning, new TimeOnly(9, 0)),
            (0, TimeSlot.LateAfternoon, new TimeOnly(15, 30)),
            (1, TimeSlot.LateMorning, new TimeOnly(10, 30)),
            (6, TimeSlot.Afternoon, new TimeOnly(14, 0)),
        };
        var expected = new Dictionary<string, DateTimeOffset>();
        foreach (var (day, slot, starts) in plan)
        {
            var visit = await manager.CreateVisitAsync(new CreateVisitRequest
            {
                RequestId = Guid.NewGuid().ToString(), Family = await fixture.EnrolledFamilyAsync(),
            });
            var date = start.AddDays(day);
            await manager.ScheduleVisitAsync(new ScheduleVisitRequest
            {
                Name = visit.Name, Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Slot = slot,
                StaffMembers = { "staffMembers/" + staffId },
            });
            var local = date.ToDateTime(starts);
            expected[visit.Name["visits/".Length..]] = new DateTimeOffset(local, Shanghai.GetUtcOffset(local));
        }
        // Someone else's visit stays out of this calendar.
        var foreign = await manager.CreateVisitAsync(new CreateVisitRequest { RequestId = Guid.NewGuid().ToString(), Family = await fixture.EnrolledFamilyAsync() });
        await manager.ScheduleVisitAsync(new ScheduleVisitRequest
        {
            Name = foreign.Name, Date = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Slot = TimeSlot.Morning,
            StaffMembers = { "staffMembers/" + otherId },
        });

        var document = await fixture.Client<Visits.VisitsClient>(staffToken).ExportCalendarAsync(new ExportCalendarRequest
        {
            StaffMember = "staffMembers/" + staffId, FromDate = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Days = 14,
        });
        var calendar = Ical.Net.Calendar.Load(document.Content)!;

        Assert.Equal("text/calendar", document.ContentType);
        Assert.Equal(plan.Length, document.EventCount);
        Assert.Equal(plan.Length, calendar.Events.Count);
        foreach (var (visitId, startsAt) in expected)
        {
            var evt = Assert.Single(calendar.Events, e => e.Uid!.StartsWith(visitId, StringComparison.Ordinal));
            Assert.Equal("Asia/Shanghai", evt.Start!.TzId);
            Assert.Equal(startsAt.DateTime, evt.Start.Value);
            Assert.Equal(startsAt.UtcDateTime, evt.Start.AsUtc);
            Assert.Equal(startsAt.UtcDateTime.AddMinutes(90), evt.End!.AsUtc);
        }
        Assert.DoesNotContain(calendar.Events, e => e.Uid!.StartsWith(foreign.Name["visits/".Length..], StringComparison.Ordinal));
        Assert.Contains(calendar.TimeZones, tz => tz.TzId == "Asia/Shanghai");
    }

    [Fact]
    public async Task ExportCalendar_OfAnotherRegionsStaff_IsDenied()
    {
        var (staffId, _) = await fixture.NewStaffMemberAsync();
        var ningbo = fixture.Client<Visits.VisitsClient>(await fixture.StaffTokenAsync("330200"));

        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.PermissionDenied, () =>
            ningbo.ExportCalendarAsync(new ExportCalendarRequest { StaffMember = "staffMembers/" + staffId }).ResponseAsync);
    }
}
