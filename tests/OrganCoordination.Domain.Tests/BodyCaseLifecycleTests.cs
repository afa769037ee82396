using DonationRegistry.OrganCoordination.Domain.BodyCases;
using Xunit;
using S = DonationRegistry.OrganCoordination.Domain.BodyCases.BodyCaseStatus;
using T = DonationRegistry.OrganCoordination.Domain.BodyCases.BodyCaseTrigger;

namespace DonationRegistry.OrganCoordination.Domain.Tests;

public sealed class BodyCaseLifecycleTests
{
    private static readonly Dictionary<(S, T), S> Expected = new()
    {
        [(S.DeathNotified, T.AgreeHandover)] = S.HandoverAgreed,
        [(S.HandoverAgreed, T.Receive)] = S.Received,
        [(S.Received, T.StartUse)] = S.InUse,
        [(S.InUse, T.Dispose)] = S.Disposed,
        [(S.Disposed, T.Memorialise)] = S.Memorialised,
        [(S.DeathNotified, T.Reject)] = S.Rejected,
        [(S.HandoverAgreed, T.Reject)] = S.Rejected,
        [(S.Received, T.Reject)] = S.Rejected,
    };

    public static TheoryData<S, T> AllPairs() => TransitionTable.AllPairs<S, T>();

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Fire_ForEveryStateAndTrigger_FollowsTheDomainTable(S state, T trigger) =>
        TransitionTable.Check(BodyCaseLifecycle.For, BodyCaseLifecycle.AllowedIn, Expected, state, trigger);
}
