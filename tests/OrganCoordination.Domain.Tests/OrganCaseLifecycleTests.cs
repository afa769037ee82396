using DonationRegistry.OrganCoordination.Domain.OrganCases;
using Xunit;
using S = DonationRegistry.OrganCoordination.Domain.OrganCases.OrganCaseStatus;
using T = DonationRegistry.OrganCoordination.Domain.OrganCases.OrganCaseTrigger;

namespace DonationRegistry.OrganCoordination.Domain.Tests;

public sealed class OrganCaseLifecycleTests
{
    private static readonly Dictionary<(S, T), S> Expected = Build();

    public static TheoryData<S, T> AllPairs() => TransitionTable.AllPairs<S, T>();

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Fire_ForEveryStateAndTrigger_FollowsTheDomainTable(S state, T trigger) =>
        TransitionTable.Check(OrganCaseLifecycle.For, OrganCaseLifecycle.AllowedIn, Expected, state, trigger);

    [Theory]
    [InlineData(T.ClosePriorObjection, ClosureReason.PriorObjection)]
    [InlineData(T.CloseMedicalContraindication, ClosureReason.MedicalContraindication)]
    [InlineData(T.CloseFamilyDeclined, ClosureReason.FamilyDeclined)]
    [InlineData(T.CloseEthicsRejected, ClosureReason.EthicsRejected)]
    [InlineData(T.CloseNotProgressed, ClosureReason.NotProgressed)]
    [InlineData(T.Complete, null)]
    public void ReasonOf_ForEachTrigger_NamesTheClosureReasonOfCloseTriggersOnly(T trigger, ClosureReason? expected) =>
        Assert.Equal(expected, OrganCaseLifecycle.ReasonOf(trigger));

    [Fact]
    public void AllowedIn_WhenFinal_IsEmpty()
    {
        foreach (var state in OrganCaseLifecycle.Final)
        {
            Assert.Empty(OrganCaseLifecycle.AllowedIn(state));
        }
    }

    private static Dictionary<(S, T), S> Build()
    {
        var table = new Dictionary<(S, T), S>
        {
            [(S.Referred, T.RecordRegistryCheck)] = S.RegistryChecked,
            [(S.RegistryChecked, T.StartEvaluation)] = S.Evaluating,
            [(S.Evaluating, T.ApproachFamily)] = S.FamilyApproach,
            [(S.FamilyApproach, T.SignConsent)] = S.ConsentSigned,
            [(S.ConsentSigned, T.SubmitToEthics)] = S.EthicsReview,
            [(S.EthicsReview, T.ApproveEthics)] = S.DeathDetermination,
            [(S.DeathDetermination, T.DeclareDeath)] = S.DeathDeclared,
            [(S.DeathDeclared, T.AssignWitnesses)] = S.WitnessAssigned,
            [(S.WitnessAssigned, T.StartAllocation)] = S.AllocationRunning,
            [(S.AllocationRunning, T.RecordOrganOutcome)] = S.AllocationRunning,
            [(S.AllocationRunning, T.StartProcurement)] = S.Procuring,
            [(S.Procuring, T.RecordOrganOutcome)] = S.Procuring,
            [(S.Procuring, T.RestoreBody)] = S.BodyRestored,
            [(S.BodyRestored, T.RecordWitnessReport)] = S.Witnessed,
            [(S.Witnessed, T.ReleaseBody)] = S.BodyReleased,
            [(S.BodyReleased, T.IssueCertificate)] = S.CertificateIssued,
            [(S.CertificateIssued, T.Complete)] = S.Completed,
            [(S.Referred, T.ClosePriorObjection)] = S.Closed,
            [(S.Evaluating, T.CloseMedicalContraindication)] = S.Closed,
            [(S.EthicsReview, T.CloseEthicsRejected)] = S.Closed,
        };
        // The family may decline from the approach until allocation runs (consent can be withdrawn before procurement).
        foreach (var state in new[] { S.FamilyApproach, S.ConsentSigned, S.EthicsReview, S.DeathDetermination, S.DeathDeclared,
                     S.WitnessAssigned, S.AllocationRunning })
        {
            table[(state, T.CloseFamilyDeclined)] = S.Closed;
        }
        // Not progressed: any point before death is declared.
        foreach (var state in new[] { S.Referred, S.RegistryChecked, S.Evaluating, S.FamilyApproach, S.ConsentSigned, S.EthicsReview,
                     S.DeathDetermination })
        {
            table[(state, T.CloseNotProgressed)] = S.Closed;
        }
        return table;
    }
}
