namespace DonationRegistry.FamilyCare.Domain.Visits;

/// <summary>What can happen to a visit.</summary>
public enum VisitTrigger
{
    /// <summary>Put on a date and time slot with staff (again, to reschedule or re-plan a missed visit).</summary>
    Schedule = 1,
    RecordVisited = 2,
    RecordMissed = 3,
    RecordFollowUp = 4,
    Close = 5,
}
