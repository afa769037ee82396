namespace DonationRegistry.FamilyCare.Domain.Visits;

/// <summary>A care visit to one family, driven by <see cref="VisitLifecycle"/>; scheduling obeys <see cref="SchedulingRules"/>.</summary>
public sealed class Visit
{
    private List<string> _staffIds = [];
    private readonly List<VisitTransition> _timeline = [];

    private Visit()
    {
        Region = "";
    }

    public Guid Id { get; private set; }
    public Guid FamilyId { get; private set; }
    /// <summary>The campaign that planned it; null for a visit planned directly (routine, from the due list).</summary>
    public Guid? CampaignId { get; private set; }
    public CampaignKind Kind { get; private set; }
    /// <summary>The family's region (county/district), copied so scheduling and the due list need not load the family.</summary>
    public string Region { get; private set; }
    /// <summary>The family is covered by civil-affairs assistance (shown to staff to avoid double visits).</summary>
    public bool CivilAffairsCovered { get; private set; }
    public VisitStatus Status { get; private set; }
    public DateOnly? ScheduledDate { get; private set; }
    public TimeSlot? ScheduledSlot { get; private set; }
    /// <summary>The date and slot while scheduled (and kept afterwards as when it was meant to happen).</summary>
    public VisitSlot? Slot => ScheduledDate is { } date && ScheduledSlot is { } slot ? new VisitSlot(date, slot) : null;
    public IReadOnlyList<string> StaffIds => _staffIds;
    public VisitOutcome? Outcome { get; private set; }
    public string? MissedReason { get; private set; }
    public IReadOnlyList<VisitTransition> Timeline => _timeline;

    public static Visit Plan(Guid id, Guid familyId, string region, bool civilAffairsCovered, CampaignKind kind, Guid? campaignId) =>
        new()
        {
            Id = id, FamilyId = familyId, Region = region, CivilAffairsCovered = civilAffairsCovered, Kind = kind,
            CampaignId = campaignId, Status = VisitStatus.Planned,
        };

    /// <summary>Schedules (or reschedules) to a slot with staff; refused if a rule is broken against <paramref name="bookings"/>.</summary>
    public void Schedule(VisitSlot slot, IReadOnlyList<StaffMember> staff, IEnumerable<Booking> bookings, DateTimeOffset at)
    {
        if (!VisitLifecycle.AllowedIn(Status).Contains(VisitTrigger.Schedule))
        {
            Fire(VisitTrigger.Schedule, at, null);
        }
        SchedulingRules.Ensure(Id, Region, slot, staff, bookings);
        Fire(VisitTrigger.Schedule, at, $"{slot} with {string.Join(", ", staff.Select(s => s.Id))}");
        ScheduledDate = slot.Date;
        ScheduledSlot = slot.Slot;
        _staffIds.Clear();
        _staffIds.AddRange(staff.Select(s => s.Id));
    }

    /// <summary>The bookings this visit holds (its staff at its slot), while it is scheduled.</summary>
    public IEnumerable<Booking> Bookings() =>
        Status == VisitStatus.Scheduled && Slot is { } slot ? _staffIds.Select(s => new Booking(s, slot, Id)) : [];

    public void RecordVisited(VisitOutcome outcome, DateTimeOffset at)
    {
        if (outcome.Cash < 0)
        {
            throw new ValidationFailedException("outcome.cash", "Cash given cannot be negative.");
        }
        if (outcome.FollowUpOn is { } followUp && Slot is { } slot && followUp < slot.Date)
        {
            throw new ValidationFailedException("outcome.follow_up_date", "The follow-up date cannot be before the visit.");
        }
        Fire(VisitTrigger.RecordVisited, at, null);
        Outcome = outcome;
    }

    public void RecordMissed(string reason, DateTimeOffset at)
    {
        Fire(VisitTrigger.RecordMissed, at, reason);
        MissedReason = reason;
    }

    public void RecordFollowUp(string note, DateTimeOffset at) => Fire(VisitTrigger.RecordFollowUp, at, note);

    public void Close(DateTimeOffset at) => Fire(VisitTrigger.Close, at, null);

    private void Fire(VisitTrigger trigger, DateTimeOffset at, string? note)
    {
        var from = Status;
        VisitLifecycle.For(() => Status, s => Status = s).Fire(trigger);
        _timeline.Add(new VisitTransition(from, Status, trigger, at, note));
    }
}
