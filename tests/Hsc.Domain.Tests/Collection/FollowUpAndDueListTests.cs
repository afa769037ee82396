using DonationRegistry.Common;
using DonationRegistry.Hsc.Domain.Collection;
using Xunit;
using S = DonationRegistry.Hsc.Domain.Collection.CollectionCaseStatus;

namespace DonationRegistry.Hsc.Domain.Tests.Collection;

/// <summary>The follow-up schedule made at hand-over and the due lists, on a fixed clock.</summary>
public sealed class FollowUpAndDueListTests
{
    private static CollectionPolicy Policy(string _) => CollectionPolicy.Default;

    [Fact]
    public void CompleteHandover_WithTheDefaultPolicy_SchedulesDays7To365FromTheHandoverDay()
    {
        var b = new CaseBuilder();

        var c = b.At(S.FollowUp, guardsMet: false);

        // Handed over on 2026-03-16 (Shanghai).
        Assert.Equal(
            [(7, new DateOnly(2026, 3, 23)), (30, new DateOnly(2026, 4, 15)), (90, new DateOnly(2026, 6, 14)),
             (180, new DateOnly(2026, 9, 12)), (365, new DateOnly(2027, 3, 16))],
            c.FollowUps.Select(f => (f.Day, f.DueOn)));
    }

    [Fact]
    public void CompleteHandover_WithACitysOwnDays_SchedulesThose()
    {
        var b = new CaseBuilder();
        var c = b.At(S.CollectionAndHandover);
        var policy = CollectionPolicy.Default with { FollowUpDays = [60, 14, 14] };

        c.CompleteHandover(b.Handover(), policy, CaseBuilder.Hospital, b.Start.AddDays(14).AddHours(8));

        Assert.Equal([(14, new DateOnly(2026, 3, 30)), (60, new DateOnly(2026, 5, 15))], c.FollowUps.Select(f => (f.Day, f.DueOn)));
    }

    [Fact]
    public void CompleteHandover_LateInTheShanghaiEvening_CountsFromTheShanghaiDay()
    {
        var b = new CaseBuilder();
        var c = b.At(S.CollectionAndHandover);
        // 2026-03-16 23:30 Shanghai is 15:30 UTC the same day; 2026-03-17 00:30 Shanghai is still the 16th in UTC.
        var record = b.Handover() with { HandedOverAt = new DateTimeOffset(2026, 3, 16, 16, 30, 0, TimeSpan.Zero) };

        c.CompleteHandover(record, CollectionPolicy.Default, CaseBuilder.Hospital, new DateTimeOffset(2026, 3, 16, 17, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 3, 24), c.FollowUps[0].DueOn);
    }

    [Fact]
    public void For_WhenAStepWaitsForTheCallersParty_ListsItAsWaitingThenOverdue()
    {
        var b = new CaseBuilder();
        var c = b.Open();

        // The exam may take 14 days by default.
        var early = DueList.For([c], CaseBuilder.Hospital, b.Start.AddDays(14), Policy);
        var late = DueList.For([c], CaseBuilder.Hospital, b.Start.AddDays(14).AddMinutes(1), Policy);

        var item = Assert.Single(early);
        Assert.Equal(DueItemKind.StepWaiting, item.Kind);
        Assert.Equal(S.MedicalExam, item.Step);
        Assert.Equal(b.Start.AddDays(14), item.ExpectedBy);
        Assert.Equal(DueItemKind.StepOverdue, Assert.Single(late).Kind);
    }

    [Fact]
    public void For_WithACitysOwnExpectedDuration_UsesIt()
    {
        var b = new CaseBuilder();
        var c = b.Open();
        var strict = CollectionPolicy.Default with { ExpectedDays = new Dictionary<S, int> { [S.MedicalExam] = 2 } };

        var items = DueList.For([c], CaseBuilder.Hospital, b.Start.AddDays(3), _ => strict);

        Assert.Equal(DueItemKind.StepOverdue, Assert.Single(items).Kind);
    }

    [Fact]
    public void For_OtherPartiesAndOrganisations_SeeNothingWaitingForThem()
    {
        var b = new CaseBuilder();
        var c = b.Open();

        Assert.Empty(DueList.For([c], CaseBuilder.City, b.Now, Policy));
        Assert.Empty(DueList.For([c], CaseBuilder.Local, b.Now, Policy));
        Assert.Empty(DueList.For([c], CaseBuilder.OtherHospital, b.Now, Policy));
    }

    [Fact]
    public void For_AnEvaluationAwaitingTheCoSignature_WaitsForTheCity()
    {
        var b = new CaseBuilder();
        var c = b.At(S.Evaluation);

        Assert.Empty(DueList.For([c], CaseBuilder.Hospital, b.Now, Policy));
        Assert.Equal(S.Evaluation, Assert.Single(DueList.For([c], CaseBuilder.City, b.Now, Policy)).Step);
    }

    [Theory]
    [InlineData(S.Suspended)]
    [InlineData(S.Cancelled)]
    public void For_ASuspendedOrCancelledCase_HasNoWaitingStep(S state)
    {
        var b = new CaseBuilder();
        var c = b.At(state);

        foreach (var who in new[] { CaseBuilder.City, CaseBuilder.Local, CaseBuilder.Hospital })
        {
            Assert.Empty(DueList.For([c], who, b.Start.AddDays(100), Policy));
        }
    }

    public static TheoryData<string, DateTimeOffset, DueItemKind[]> FollowUpDays() => new()
    {
        // Day-7 visit due Monday 2026-03-23; hand-over Monday 2026-03-16.
        { "the week before (Sunday)", new DateTimeOffset(2026, 3, 22, 12, 0, 0, ShanghaiDate.Offset), [] },
        { "Monday of its week", new DateTimeOffset(2026, 3, 23, 8, 0, 0, ShanghaiDate.Offset), [DueItemKind.FollowUpDueThisWeek] },
        { "Sunday of its week", new DateTimeOffset(2026, 3, 29, 23, 0, 0, ShanghaiDate.Offset), [DueItemKind.FollowUpOverdue] },
        { "a month later", new DateTimeOffset(2026, 4, 13, 9, 0, 0, ShanghaiDate.Offset), [DueItemKind.FollowUpOverdue, DueItemKind.FollowUpDueThisWeek] },
    };

    [Theory]
    [MemberData(nameof(FollowUpDays))]
    public void For_TheLocalRedCross_ListsVisitsDueThisWeekAndOverdueOnes(string when, DateTimeOffset now, DueItemKind[] expected)
    {
        var b = new CaseBuilder();
        var c = b.At(S.FollowUp, guardsMet: false);

        var items = DueList.For([c], CaseBuilder.Local, now, Policy).Where(i => i.FollowUpDay is not null);

        Assert.True(expected.SequenceEqual(items.Select(i => i.Kind)), when + ": " + string.Join(", ", items.Select(i => $"{i.Kind} day {i.FollowUpDay}")));
    }

    [Fact]
    public void For_AClosedCase_StillListsItsLongTermVisits()
    {
        var b = new CaseBuilder();
        var c = b.At(S.Closed);

        var items = DueList.For([c], CaseBuilder.Local, new DateTimeOffset(2026, 6, 20, 9, 0, 0, ShanghaiDate.Offset), Policy);

        Assert.Equal([(DueItemKind.FollowUpOverdue, 30), (DueItemKind.FollowUpOverdue, 90)], items.Select(i => (i.Kind, i.FollowUpDay!.Value)));
    }

    [Fact]
    public void For_AVisitRecorded_IsNoLongerDue()
    {
        var b = new CaseBuilder();
        var c = b.At(S.FollowUp);

        var items = DueList.For([c], CaseBuilder.Local, new DateTimeOffset(2026, 3, 25, 9, 0, 0, ShanghaiDate.Offset), Policy);

        Assert.DoesNotContain(items, i => i.FollowUpDay == 7);
        Assert.Contains(items, i => i.Kind == DueItemKind.StepWaiting && i.Step == S.FollowUp);
    }

    [Fact]
    public void For_TheCityOfSeveralCases_OrdersOverdueFirst()
    {
        var b1 = new CaseBuilder();
        var plan = b1.At(S.CollectionPlan);
        var b2 = new CaseBuilder { Start = new DateTimeOffset(2026, 3, 20, 9, 0, 0, ShanghaiDate.Offset) };
        var archiving = b2.At(S.Archiving, guardsMet: false);
        var now = new DateTimeOffset(2026, 4, 16, 9, 0, 0, ShanghaiDate.Offset);

        var items = DueList.For([archiving, plan], CaseBuilder.City, now, Policy);

        Assert.Equal([(plan.Id, DueItemKind.StepOverdue), (archiving.Id, DueItemKind.StepWaiting)], items.Select(i => (i.CaseId, i.Kind)));
        Assert.All(items, i => Assert.Equal(CaseParty.CityRedCross, i.Party));
    }

    [Fact]
    public void For_AnAuditor_HasNothingDue()
    {
        var b = new CaseBuilder();
        var c = b.Open();

        Assert.Empty(DueList.For([c], new Actor("a", Roles.Auditor, "RC-330000", "330000"), b.Now, Policy));
    }
}
