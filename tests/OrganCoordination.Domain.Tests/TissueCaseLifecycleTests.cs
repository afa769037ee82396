using DonationRegistry.OrganCoordination.Domain.TissueCases;
using Xunit;
using S = DonationRegistry.OrganCoordination.Domain.TissueCases.TissueCaseStatus;
using T = DonationRegistry.OrganCoordination.Domain.TissueCases.TissueCaseTrigger;

namespace DonationRegistry.OrganCoordination.Domain.Tests;

public sealed class TissueCaseLifecycleTests
{
    private static readonly Dictionary<(S, T), S> Expected = new()
    {
        [(S.DeathNotified, T.Recover)] = S.Recovered,
        [(S.DeathNotified, T.Decline)] = S.Declined,
        [(S.Recovered, T.Use)] = S.Used,
        [(S.Used, T.Memorialise)] = S.Memorialised,
    };

    public static TheoryData<S, T> AllPairs() => TransitionTable.AllPairs<S, T>();

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Fire_ForEveryStateAndTrigger_FollowsTheDomainTable(S state, T trigger) =>
        TransitionTable.Check(TissueCaseLifecycle.For, TissueCaseLifecycle.AllowedIn, Expected, state, trigger);
}
