using DonationRegistry.FamilyCare.Domain.Planning;
using DonationRegistry.FamilyCare.Domain.Visits;
using DonationRegistry.FamilyCare.Seeding;
using Xunit;

namespace DonationRegistry.FamilyCare.Domain.Tests;

public sealed class AutoPlannerTests
{
    // (families, staff, seed, availability): the brief's 500 families / 10 staff / 3 districts, plus smaller and roomier weeks.
    public static TheoryData<int, int, int, double> DataSets() => new()
    {
        { 500, 10, 7, 0.75 },
        { 500, 10, 11, 0.4 },
        { 60, 10, 3, 0.9 },
        { 30, 4, 5, 0.5 },
        { 200, 3, 9, 1.0 },
    };

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Propose_OnAGeneratedWeek_EveryVisitRespectsTheSchedulingRules(int families, int staff, int seed, double availability)
    {
        var input = SyntheticCareWeek.Generate(families, staff, seed, availability);
        var team = input.Team.ToDictionary(t => t.Member.Id);

        var plan = AutoPlanner.Propose(input);

        var bookings = new List<Booking>(input.ExistingBookings);
        foreach (var visit in plan.Visits)
        {
            var members = visit.StaffIds.Select(id => team[id].Member).ToList();
            Assert.Empty(SchedulingRules.Check(Guid.NewGuid(), visit.District, visit.Slot, members, bookings));
            Assert.All(visit.StaffIds, id => Assert.Contains(visit.Slot, team[id].Available));
            Assert.InRange(visit.Slot.Date, input.WeekStart, input.WeekStart.AddDays(6));
            Assert.All(visit.Covers, item => Assert.Equal(visit.FamilyId, item.FamilyId));
            bookings.AddRange(visit.StaffIds.Select(id => new Booking(id, visit.Slot, Guid.NewGuid())));
        }
        Assert.Equal(plan.Visits.Count, plan.Visits.Select(v => v.FamilyId).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Propose_OnAGeneratedWeek_CoversEveryDueItemThatFitsTheCapacity(int families, int staff, int seed, double availability)
    {
        var input = SyntheticCareWeek.Generate(families, staff, seed, availability);

        var plan = AutoPlanner.Propose(input);

        // Every due item is either in a proposed visit or reported unplanned, never both, never lost.
        var covered = plan.Visits.SelectMany(v => v.Covers).ToList();
        Assert.Equal(input.Due.Count, covered.Count + plan.Unplanned.Count);
        Assert.Empty(covered.Intersect(plan.Unplanned));
        // No family is left out while a slot that could have served it stays free: the plan reaches the maximum flow.
        Assert.Equal(MaximumCoverage(input), plan.Visits.Count);
    }

    [Fact]
    public void Propose_OnTheBriefsDataSet_IsBusyEnoughToMatter()
    {
        var input = SyntheticCareWeek.Generate();

        var plan = AutoPlanner.Propose(input);

        Assert.Equal(10, input.Team.Count);
        Assert.Equal(3, input.Due.Select(d => d.Region).Distinct().Count());
        Assert.True(plan.Visits.Count > 100, $"only {plan.Visits.Count} visits");
        Assert.NotEmpty(plan.Unplanned);
    }

    [Theory]
    [MemberData(nameof(DataSets))]
    public void Propose_WhenRunTwiceOnTheSameInput_GivesTheSamePlan(int families, int staff, int seed, double availability)
    {
        var first = AutoPlanner.Propose(SyntheticCareWeek.Generate(families, staff, seed, availability));
        var second = AutoPlanner.Propose(SyntheticCareWeek.Generate(families, staff, seed, availability));

        Assert.Equal(Describe(first), Describe(second));
    }

    [Fact]
    public void Propose_WhenInputOrderShuffled_GivesTheSamePlan()
    {
        var input = SyntheticCareWeek.Generate(120, 6, 21, 0.6);
        var shuffled = input with { Due = [.. input.Due.Reverse()], Team = [.. input.Team.Reverse()] };

        Assert.Equal(Describe(AutoPlanner.Propose(input)), Describe(AutoPlanner.Propose(shuffled)));
    }

    [Fact]
    public void Propose_ForAStaffDay_StaysInOneDistrictWhileItHasFamilies()
    {
        var day = new DateOnly(2026, 11, 23);
        var staff = new PlannerStaff(new StaffMember("s-1", "甲", "330100"), [.. TimeSlots.All.Select(s => new VisitSlot(day, s))]);
        DueItem[] due =
        [
            .. Enumerable.Range(0, 3).Select(i => Item("330102", i)),
            .. Enumerable.Range(3, 2).Select(i => Item("330106", i)),
        ];

        var plan = AutoPlanner.Propose(new AutoPlanInput(day, [staff], due, []));

        Assert.Equal(["330102", "330102", "330102", "330106"], plan.Visits.Select(v => v.District));
    }

    [Fact]
    public void Propose_WhenCountyStaffAndCityStaffShareADistrict_LeavesTheOtherDistrictToTheCityStaff()
    {
        var day = new DateOnly(2026, 11, 23);
        var county = new PlannerStaff(new StaffMember("a-county", "县", "330106"), [new VisitSlot(day, TimeSlot.Morning)]);
        var city = new PlannerStaff(new StaffMember("b-city", "市", "330100"), [new VisitSlot(day, TimeSlot.Morning)]);
        DueItem[] due = [Item("330106", 1), Item("330102", 2)];

        var plan = AutoPlanner.Propose(new AutoPlanInput(day, [city, county], due, []));

        Assert.Equal(2, plan.Visits.Count);
        Assert.Empty(plan.Unplanned);
    }

    [Fact]
    public void Propose_WhenSlotAlreadyBooked_LeavesItAlone()
    {
        var day = new DateOnly(2026, 11, 23);
        var slot = new VisitSlot(day, TimeSlot.Morning);
        var staff = new PlannerStaff(new StaffMember("s-1", "甲", "330106"), [slot]);

        var plan = AutoPlanner.Propose(new AutoPlanInput(day, [staff], [Item("330106", 1)], [new Booking("s-1", slot, Guid.NewGuid())]));

        Assert.Empty(plan.Visits);
        Assert.Single(plan.Unplanned);
    }

    private static DueItem Item(string region, int n) =>
        new(new Guid(n + 1, 0, 0, new byte[8]), region, DueKind.ElderNotVisitedThisQuarter, new DateOnly(2026, 10, 1), null);

    private static string Describe(WeekPlan plan) =>
        string.Join("\n", plan.Visits.Select(v => $"{v.FamilyId} {v.District} {v.Slot} {string.Join(",", v.StaffIds)} {v.Covers.Count}")) +
        "\n--\n" + string.Join("\n", plan.Unplanned.Select(u => $"{u.FamilyId} {u.Kind}"));

    /// <summary>
    /// The most families the week can hold, as an independent reference: max flow source → staff (free slots) → district (if the
    /// staff serve it) → sink (due families there), by Edmonds–Karp on a tiny graph.
    /// </summary>
    private static int MaximumCoverage(AutoPlanInput input)
    {
        var weekEnd = input.WeekStart.AddDays(7);
        var booked = input.ExistingBookings.Select(b => (b.StaffId, b.Slot)).ToHashSet();
        var districts = input.Due.Select(d => d.Region).Distinct().ToList();
        var staff = input.Team.ToList();
        int n = 2 + staff.Count + districts.Count, source = 0, sink = n - 1;
        var capacity = new int[n, n];
        for (var s = 0; s < staff.Count; s++)
        {
            capacity[source, 1 + s] = staff[s].Available.Distinct()
                .Count(slot => slot.Date >= input.WeekStart && slot.Date < weekEnd && !booked.Contains((staff[s].Member.Id, slot)));
            for (var d = 0; d < districts.Count; d++)
            {
                capacity[1 + s, 1 + staff.Count + d] = staff[s].Member.Serves(districts[d]) ? int.MaxValue / 2 : 0;
            }
        }
        for (var d = 0; d < districts.Count; d++)
        {
            capacity[1 + staff.Count + d, sink] = input.Due.Where(i => i.Region == districts[d]).Select(i => i.FamilyId).Distinct().Count();
        }
        var flow = 0;
        while (true)
        {
            var parent = Enumerable.Repeat(-1, n).ToArray();
            parent[source] = source;
            var queue = new Queue<int>([source]);
            while (queue.Count > 0 && parent[sink] < 0)
            {
                var u = queue.Dequeue();
                for (var v = 0; v < n; v++)
                {
                    if (parent[v] < 0 && capacity[u, v] > 0)
                    {
                        parent[v] = u;
                        queue.Enqueue(v);
                    }
                }
            }
            if (parent[sink] < 0)
            {
                return flow;
            }
            var push = int.MaxValue;
            for (var v = sink; v != source; v = parent[v])
            {
                push = Math.Min(push, capacity[parent[v], v]);
            }
            for (var v = sink; v != source; v = parent[v])
            {
                capacity[parent[v], v] -= push;
                capacity[v, parent[v]] += push;
            }
            flow += push;
        }
    }
}
