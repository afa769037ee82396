using DonationRegistry.OrganCoordination.Domain.Credentials;
using Xunit;
using S = DonationRegistry.OrganCoordination.Domain.Credentials.CredentialStatus;
using T = DonationRegistry.OrganCoordination.Domain.Credentials.CredentialTrigger;

namespace DonationRegistry.OrganCoordination.Domain.Tests;

public sealed class CredentialLifecycleTests
{
    private static readonly Dictionary<(S, T), S> Expected = new()
    {
        [(S.Applicant, T.RecordTraining)] = S.Applicant,
        [(S.Applicant, T.Certify)] = S.Certified,
        [(S.Applicant, T.Revoke)] = S.Revoked,
        [(S.Certified, T.RecordTraining)] = S.Certified,
        [(S.Certified, T.Renew)] = S.Certified,
        [(S.Certified, T.Suspend)] = S.Suspended,
        [(S.Certified, T.Revoke)] = S.Revoked,
        [(S.Suspended, T.RecordTraining)] = S.Suspended,
        [(S.Suspended, T.Reinstate)] = S.Certified,
        [(S.Suspended, T.Revoke)] = S.Revoked,
    };

    public static TheoryData<S, T> AllPairs() => TransitionTable.AllPairs<S, T>();

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Fire_ForEveryStateAndTrigger_FollowsTheDomainTable(S state, T trigger) =>
        TransitionTable.Check(CredentialLifecycle.For, CredentialLifecycle.AllowedIn, Expected, state, trigger);
}
