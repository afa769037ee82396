using DonationRegistry.Common.Errors;
using DonationRegistry.Hsc.Domain.Collection;
using Xunit;
using S = DonationRegistry.Hsc.Domain.Collection.CollectionCaseStatus;
using T = DonationRegistry.Hsc.Domain.Collection.CollectionTrigger;

namespace DonationRegistry.Hsc.Domain.Tests.Collection;

/// <summary>The machine itself: every state × trigger pair, legal (with its target) or refused.</summary>
public sealed class CollectionProcedureTests
{
    /// <summary>Every allowed (state, trigger) and where it leads, with guards holding and a case suspended at MedicalExam.</summary>
    public static readonly Dictionary<(S, T), S> Legal = BuildLegal();

    private static Dictionary<(S, T), S> BuildLegal()
    {
        var table = new Dictionary<(S, T), S>
        {
            [(S.MedicalExam, T.CompleteMedicalExam)] = S.Evaluation,
            [(S.MedicalExam, T.FailMedicalExam)] = S.Cancelled,
            [(S.Evaluation, T.RecordEvaluation)] = S.Evaluation,
            [(S.Evaluation, T.FailEvaluation)] = S.Cancelled,
            [(S.Evaluation, T.CoSignEvaluation)] = S.CollectionPlan,
            [(S.CollectionPlan, T.CompleteCollectionPlan)] = S.AdmissionAndMobilisation,
            [(S.AdmissionAndMobilisation, T.CompleteMobilisation)] = S.CollectionAndHandover,
            [(S.CollectionAndHandover, T.CompleteHandover)] = S.FollowUp,
            [(S.FollowUp, T.RecordFollowUpVisit)] = S.FollowUp,
            [(S.FollowUp, T.CompleteFollowUp)] = S.Archiving,
            [(S.Archiving, T.RecordFollowUpVisit)] = S.Archiving,
            [(S.Archiving, T.CompleteArchiving)] = S.FeeSettlement,
            [(S.FeeSettlement, T.RecordFollowUpVisit)] = S.FeeSettlement,
            [(S.FeeSettlement, T.SettleFees)] = S.Closed,
            [(S.Closed, T.RecordFollowUpVisit)] = S.Closed,
            [(S.Suspended, T.Resume)] = S.MedicalExam,
            [(S.Suspended, T.Cancel)] = S.Cancelled,
            [(S.Suspended, T.AttachArchiveDocument)] = S.Suspended,
            [(S.Suspended, T.RecordFeeItems)] = S.Suspended,
        };
        foreach (var step in CollectionProcedure.BeforeDonation)
        {
            table[(step, T.Suspend)] = S.Suspended;
            table[(step, T.Cancel)] = S.Cancelled;
        }
        foreach (var state in CollectionProcedure.Steps.Except([S.FeeSettlement]))
        {
            table[(state, T.AttachArchiveDocument)] = state;
        }
        foreach (var state in CollectionProcedure.Steps)
        {
            table[(state, T.RecordFeeItems)] = state;
        }
        return table;
    }

    public static TheoryData<S, T> AllPairs()
    {
        var data = new TheoryData<S, T>();
        foreach (var state in Enum.GetValues<S>())
        {
            foreach (var trigger in Enum.GetValues<T>())
            {
                data.Add(state, trigger);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Fire_ForEveryStateAndTrigger_MovesAsTheTableSaysOrRefuses(S state, T trigger)
    {
        var current = state;
        var machine = CollectionProcedure.For(() => current, s => current = s, CollectionGuards.Open);

        if (Legal.TryGetValue((state, trigger), out var target))
        {
            machine.Fire(trigger);
            Assert.Equal(target, current);
        }
        else
        {
            var ex = Assert.Throws<IllegalTransitionException>(() => machine.Fire(trigger));
            Assert.Equal(state.ToString(), ex.State);
            Assert.Equal(trigger.ToString(), ex.Trigger);
            Assert.Equal(CollectionProcedure.AllowedIn(state).Select(t => t.ToString()), ex.AllowedTriggers);
            Assert.Equal(state, current);
        }
    }

    [Theory]
    [MemberData(nameof(AllStates))]
    public void AllowedIn_ForEveryState_ListsExactlyTheLegalTriggers(S state)
    {
        var expected = Legal.Keys.Where(k => k.Item1 == state).Select(k => k.Item2).Order();

        Assert.Equal(expected, CollectionProcedure.AllowedIn(state));
    }

    public static TheoryData<S> AllStates() => [.. Enum.GetValues<S>()];

    [Fact]
    public void Illegal_WhenRefused_NamesTheStateAndTheAllowedTriggersInTheMessage()
    {
        var ex = CollectionProcedure.Illegal(S.Closed, T.CompleteHandover);

        Assert.Contains("state Closed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Allowed now: RecordFollowUpVisit", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(S.MedicalExam, CaseParty.CollectionHospital)]
    [InlineData(S.Evaluation, CaseParty.CollectionHospital)]
    [InlineData(S.CollectionPlan, CaseParty.CityRedCross)]
    [InlineData(S.AdmissionAndMobilisation, CaseParty.CollectionHospital)]
    [InlineData(S.CollectionAndHandover, CaseParty.CollectionHospital)]
    [InlineData(S.FollowUp, CaseParty.LocalRedCross)]
    [InlineData(S.Archiving, CaseParty.CityRedCross)]
    [InlineData(S.FeeSettlement, CaseParty.CityRedCross)]
    public void OwnerOf_ForEachStep_IsThePartyOfTheProcedureTable(S step, CaseParty owner) =>
        Assert.Equal(owner, CollectionProcedure.OwnerOf(step));

    [Fact]
    public void ToMermaid_WhenDrawn_ShowsEveryStateAndTheGuards()
    {
        var mermaid = CollectionProcedure.ToMermaid();

        Assert.StartsWith("stateDiagram-v2", mermaid, StringComparison.Ordinal);
        foreach (var state in Enum.GetValues<S>())
        {
            Assert.Contains(state.ToString(), mermaid, StringComparison.Ordinal);
        }
        Assert.Contains("evaluation recorded", mermaid, StringComparison.Ordinal);
    }
}
