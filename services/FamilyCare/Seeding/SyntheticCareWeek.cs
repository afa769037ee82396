using DonationRegistry.FamilyCare.Domain.Planning;
using DonationRegistry.FamilyCare.Domain.Visits;

namespace DonationRegistry.FamilyCare.Seeding;

/// <summary>
/// A generated, reproducible planning week for tests and the bench: families in three Hangzhou districts with elderly parents, aided
/// children, missed visits and follow-ups; staff bound to one district each plus city-level staff; availability with gaps.
/// </summary>
public static class SyntheticCareWeek
{
    /// <summary>上城, 拱墅, 西湖 (Hangzhou).</summary>
    public static IReadOnlyList<string> Districts { get; } = ["330102", "330105", "330106"];

    public const string City = "330100";

    /// <summary>A Monday.</summary>
    public static DateOnly WeekStart { get; } = new(2026, 11, 23);

    public static AutoPlanInput Generate(int families = 500, int staff = 10, int seed = 7, double availability = 0.75)
    {
        var random = new Random(seed);
        var snapshots = new List<CareFamilySnapshot>();
        var aided = new List<AidedChildSnapshot>();
        var open = new List<OpenVisitSnapshot>();
        for (var i = 0; i < families; i++)
        {
            var id = NextGuid(random);
            var region = Districts[random.Next(Districts.Count)];
            DateOnly? lastVisit = random.NextDouble() < 0.8 ? WeekStart.AddDays(-random.Next(1, 200)) : null;
            snapshots.Add(new CareFamilySnapshot(id, region, random.NextDouble() < 0.6, lastVisit));
            if (random.NextDouble() < 0.3)
            {
                DateOnly? reviewed = random.NextDouble() < 0.7 ? WeekStart.AddDays(-random.Next(1, 300)) : null;
                aided.Add(new AidedChildSnapshot(NextGuid(random), id, region, reviewed));
            }
            var roll = random.NextDouble();
            if (roll < 0.05)
            {
                open.Add(new OpenVisitSnapshot(NextGuid(random), id, region, WeekStart.AddDays(-random.Next(1, 60)), null));
            }
            else if (roll < 0.15)
            {
                open.Add(new OpenVisitSnapshot(NextGuid(random), id, region, null, WeekStart.AddDays(random.Next(-30, 10))));
            }
        }
        var due = DueList.Compute(new DueListInput(snapshots, aided, open), WeekStart.AddDays(4));

        var team = new List<PlannerStaff>();
        for (var s = 0; s < staff; s++)
        {
            // Every fourth member is city-level (any district); the others are bound to one district.
            var region = s % 4 == 3 ? City : Districts[s % Districts.Count];
            var member = new StaffMember($"staff-{s:D2}", $"工作人员{s:D2}", region);
            var available = new List<VisitSlot>();
            for (var day = 0; day < 5; day++)
            {
                foreach (var slot in TimeSlots.All)
                {
                    if (random.NextDouble() < availability)
                    {
                        available.Add(new VisitSlot(WeekStart.AddDays(day), slot));
                    }
                }
            }
            team.Add(new PlannerStaff(member, available));
        }
        // One standing booking per staff member (already-scheduled work the planner must leave alone).
        var bookings = team
            .Where(t => t.Available.Count > 0)
            .Select(t => new Booking(t.Member.Id, t.Available[random.Next(t.Available.Count)], NextGuid(random)))
            .ToList();
        return new AutoPlanInput(WeekStart, team, due, bookings);
    }

    private static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
