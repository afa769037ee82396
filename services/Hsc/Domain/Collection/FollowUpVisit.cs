namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>
/// One scheduled follow-up visit (回访), created at hand-over for day <see cref="Day"/> after it; recorded by the local Red Cross,
/// also after the case closed.
/// </summary>
public sealed class FollowUpVisit
{
    private FollowUpVisit()
    {
    }

    public FollowUpVisit(int day, DateOnly dueOn)
    {
        Id = Guid.CreateVersion7();
        Day = day;
        DueOn = dueOn;
    }

    public Guid Id { get; private set; }
    /// <summary>Days after the hand-over (7, 30, 90 …).</summary>
    public int Day { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? VisitedOn { get; private set; }
    public HealthStatus? Health { get; private set; }
    public IReadOnlyList<AdverseEvent> AdverseEvents { get; private set; } = [];
    /// <summary>A serious adverse event was found: to be reported.</summary>
    public bool ReportRequired { get; private set; }
    public string? Note { get; private set; }
    public string? RecordedBy { get; private set; }

    public bool IsRecorded => VisitedOn is not null;

    internal void Record(DateOnly visitedOn, HealthStatus health, IReadOnlyList<AdverseEvent> adverseEvents, string? note, string recordedBy)
    {
        VisitedOn = visitedOn;
        Health = health;
        AdverseEvents = adverseEvents;
        ReportRequired = adverseEvents.Any(e => e.Severity == AdverseEventSeverity.Serious);
        Note = note;
        RecordedBy = recordedBy;
    }
}
