using DonationRegistry.Common.Errors;
using DonationRegistry.Hsc.Domain.Donors;
using Xunit;

namespace DonationRegistry.Hsc.Domain.Tests;

public sealed class DonorLifecycleTests
{
    private static readonly DonorStatus[] Live =
    [
        DonorStatus.Enrolled, DonorStatus.SampleCollected, DonorStatus.Typed, DonorStatus.Available, DonorStatus.TemporarilyDeferred,
        DonorStatus.Reserved, DonorStatus.Donated,
    ];

    /// <summary>Every allowed (state, trigger) and where it leads (DOMAIN.md section 3); every other pair must be refused.</summary>
    private static readonly Dictionary<(DonorStatus, DonorTrigger), DonorStatus> Expected = Build();

    private static Dictionary<(DonorStatus, DonorTrigger), DonorStatus> Build()
    {
        var table = new Dictionary<(DonorStatus, DonorTrigger), DonorStatus>
        {
            [(DonorStatus.Enrolled, DonorTrigger.RecordSample)] = DonorStatus.SampleCollected,
            [(DonorStatus.SampleCollected, DonorTrigger.RecordTyping)] = DonorStatus.Typed,
            [(DonorStatus.Typed, DonorTrigger.RecordTyping)] = DonorStatus.Typed,
            [(DonorStatus.Typed, DonorTrigger.MakeAvailable)] = DonorStatus.Available,
            [(DonorStatus.Available, DonorTrigger.RecordTyping)] = DonorStatus.Available,
            [(DonorStatus.Available, DonorTrigger.Defer)] = DonorStatus.TemporarilyDeferred,
            [(DonorStatus.Available, DonorTrigger.Reserve)] = DonorStatus.Reserved,
            [(DonorStatus.TemporarilyDeferred, DonorTrigger.RecordTyping)] = DonorStatus.TemporarilyDeferred,
            [(DonorStatus.TemporarilyDeferred, DonorTrigger.Defer)] = DonorStatus.TemporarilyDeferred,
            [(DonorStatus.TemporarilyDeferred, DonorTrigger.Reinstate)] = DonorStatus.Available,
            [(DonorStatus.Reserved, DonorTrigger.RecordTyping)] = DonorStatus.Reserved,
            [(DonorStatus.Reserved, DonorTrigger.Release)] = DonorStatus.Available,
            [(DonorStatus.Reserved, DonorTrigger.RecordDonation)] = DonorStatus.Donated,
            [(DonorStatus.Donated, DonorTrigger.RecordTyping)] = DonorStatus.Donated,
            [(DonorStatus.Donated, DonorTrigger.MakeAvailable)] = DonorStatus.Available,
            [(DonorStatus.Donated, DonorTrigger.Reserve)] = DonorStatus.Reserved,
        };
        foreach (var state in Live)
        {
            table[(state, DonorTrigger.PermanentlyDefer)] = DonorStatus.PermanentlyDeferred;
            table[(state, DonorTrigger.Withdraw)] = DonorStatus.Withdrawn;
            table[(state, DonorTrigger.AgeOut)] = DonorStatus.AgedOut;
        }
        return table;
    }

    public static TheoryData<DonorStatus, DonorTrigger> AllPairs()
    {
        var data = new TheoryData<DonorStatus, DonorTrigger>();
        foreach (var state in Enum.GetValues<DonorStatus>())
        {
            foreach (var trigger in Enum.GetValues<DonorTrigger>())
            {
                data.Add(state, trigger);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Fire_WhenStateAndTriggerCombined_MovesAsTheTableSaysOrRefuses(DonorStatus state, DonorTrigger trigger)
    {
        var current = state;
        var machine = DonorLifecycle.For(() => current, s => current = s);

        if (Expected.TryGetValue((state, trigger), out var next))
        {
            machine.Fire(trigger);
            Assert.Equal(next, current);
        }
        else
        {
            var ex = Assert.Throws<IllegalTransitionException>(() => machine.Fire(trigger));
            Assert.Equal(state.ToString(), ex.State);
            Assert.Equal(state, current);
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void AllowedIn_WhenAsked_AgreesWithTheTable(DonorStatus state, DonorTrigger trigger)
    {
        Assert.Equal(Expected.ContainsKey((state, trigger)), DonorLifecycle.AllowedIn(state).Contains(trigger));
    }

    [Theory]
    [InlineData(DonorStatus.PermanentlyDeferred)]
    [InlineData(DonorStatus.Withdrawn)]
    [InlineData(DonorStatus.AgedOut)]
    public void AllowedIn_WhenFinal_IsEmpty(DonorStatus state)
    {
        Assert.Empty(DonorLifecycle.AllowedIn(state));
    }

    [Fact]
    public void ToMermaid_WhenRendered_NamesEveryState()
    {
        var diagram = DonorLifecycle.ToMermaid();
        foreach (var state in Enum.GetValues<DonorStatus>())
        {
            Assert.Contains(state.ToString(), diagram, StringComparison.Ordinal);
        }
    }
}
