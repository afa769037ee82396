using DonationRegistry.Common.Errors;
using DonationRegistry.Registration.Domain.Registrations;
using Xunit;

namespace DonationRegistry.Registration.Domain.Tests;

public sealed class RegistrationLifecycleTests
{
    private static readonly Dictionary<(RegistrationStatus, RegistrationTrigger), RegistrationStatus> Expected = new()
    {
        [(RegistrationStatus.Draft, RegistrationTrigger.RecordWitnessing)] = RegistrationStatus.PendingWitness,
        [(RegistrationStatus.PendingWitness, RegistrationTrigger.Forward)] = RegistrationStatus.Forwarded,
        [(RegistrationStatus.Forwarded, RegistrationTrigger.Confirm)] = RegistrationStatus.Registered,
        [(RegistrationStatus.Registered, RegistrationTrigger.Amend)] = RegistrationStatus.Registered,
        [(RegistrationStatus.Registered, RegistrationTrigger.RecordDeath)] = RegistrationStatus.Deceased,
        [(RegistrationStatus.Deceased, RegistrationTrigger.RecordRealised)] = RegistrationStatus.Realised,
        [(RegistrationStatus.Deceased, RegistrationTrigger.RecordNotRealised)] = RegistrationStatus.NotRealised,
        [(RegistrationStatus.Draft, RegistrationTrigger.Revoke)] = RegistrationStatus.Revoked,
        [(RegistrationStatus.PendingWitness, RegistrationTrigger.Revoke)] = RegistrationStatus.Revoked,
        [(RegistrationStatus.Forwarded, RegistrationTrigger.Revoke)] = RegistrationStatus.Revoked,
        [(RegistrationStatus.Registered, RegistrationTrigger.Revoke)] = RegistrationStatus.Revoked,
        [(RegistrationStatus.ObjectionRecorded, RegistrationTrigger.Revoke)] = RegistrationStatus.Revoked,
        [(RegistrationStatus.Draft, RegistrationTrigger.RecordObjection)] = RegistrationStatus.ObjectionRecorded,
        [(RegistrationStatus.PendingWitness, RegistrationTrigger.RecordObjection)] = RegistrationStatus.ObjectionRecorded,
        [(RegistrationStatus.Forwarded, RegistrationTrigger.RecordObjection)] = RegistrationStatus.ObjectionRecorded,
        [(RegistrationStatus.Registered, RegistrationTrigger.RecordObjection)] = RegistrationStatus.ObjectionRecorded,
        [(RegistrationStatus.Revoked, RegistrationTrigger.RecordObjection)] = RegistrationStatus.ObjectionRecorded,
    };

    public static TheoryData<RegistrationStatus, RegistrationTrigger> AllPairs()
    {
        var data = new TheoryData<RegistrationStatus, RegistrationTrigger>();
        foreach (var state in Enum.GetValues<RegistrationStatus>())
        {
            foreach (var trigger in Enum.GetValues<RegistrationTrigger>())
            {
                data.Add(state, trigger);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Fire_ForEveryStateAndTrigger_FollowsTheDomainTable(RegistrationStatus state, RegistrationTrigger trigger)
    {
        var current = state;
        var machine = RegistrationLifecycle.For(() => current, s => current = s);

        if (Expected.TryGetValue((state, trigger), out var next))
        {
            machine.Fire(trigger);
            Assert.Equal(next, current);
            Assert.Contains(trigger, RegistrationLifecycle.AllowedIn(state));
        }
        else
        {
            var ex = Assert.Throws<IllegalTransitionException>(() => machine.Fire(trigger));
            Assert.Equal(state.ToString(), ex.State);
            Assert.Equal(state, current);
            Assert.DoesNotContain(trigger, RegistrationLifecycle.AllowedIn(state));
        }
    }

    [Fact]
    public void Live_WhenRevokedOrOutcomeKnown_IsNotLive()
    {
        Assert.DoesNotContain(RegistrationStatus.Revoked, RegistrationLifecycle.Live);
        Assert.DoesNotContain(RegistrationStatus.Realised, RegistrationLifecycle.Live);
        Assert.DoesNotContain(RegistrationStatus.NotRealised, RegistrationLifecycle.Live);
        Assert.Contains(RegistrationStatus.Registered, RegistrationLifecycle.Live);
    }

    [Fact]
    public void ToMermaid_WhenRendered_IsAStateDiagramWithEveryState()
    {
        var diagram = RegistrationLifecycle.ToMermaid();

        Assert.Contains("stateDiagram", diagram, StringComparison.Ordinal);
        foreach (var state in Enum.GetValues<RegistrationStatus>())
        {
            Assert.Contains(state.ToString(), diagram, StringComparison.Ordinal);
        }
    }
}
