namespace DonationRegistry.Hsc.Tests.Collection;

/// <summary>
/// A TimeProvider whose timers fire only when the test says so (<see cref="FireAll"/>): a background job waiting for its interval
/// with <c>Task.Delay(interval, time)</c> runs again without any real waiting. The time itself is the system's.
/// </summary>
public sealed class ManualTimers : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<Timer> _timers = [];

    /// <summary>The due times of the timers waiting to fire.</summary>
    public IReadOnlyList<TimeSpan> Pending
    {
        get
        {
            lock (_lock)
            {
                return [.. _timers.Where(t => t.Armed).Select(t => t.Due)];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state, dueTime);
        lock (_lock)
        {
            _timers.Add(timer);
        }
        return timer;
    }

    /// <summary>Fires every armed timer once (each as if its due time had come).</summary>
    public void FireAll()
    {
        List<Timer> due;
        lock (_lock)
        {
            due = [.. _timers.Where(t => t.Armed)];
            foreach (var t in due)
            {
                t.Armed = false;
            }
        }
        foreach (var t in due)
        {
            t.Fire();
        }
    }

    private void Remove(Timer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class Timer(ManualTimers owner, TimerCallback callback, object? state, TimeSpan due) : ITimer
    {
        public TimeSpan Due { get; private set; } = due;

        public bool Armed { get; set; } = due != Timeout.InfiniteTimeSpan;

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Due = dueTime;
            Armed = dueTime != Timeout.InfiniteTimeSpan;
            return true;
        }

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
