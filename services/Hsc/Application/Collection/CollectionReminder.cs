namespace DonationRegistry.Hsc.Application.Collection;

/// <summary>
/// A follow-up reminder sent (FollowUpDue through the outbox): at most one per case, visit day, due date and kind (due soon /
/// overdue), enforced by a unique key, so a rerun of the job or a second replica sends nothing twice.
/// </summary>
public sealed class CollectionReminder
{
    private CollectionReminder()
    {
    }

    public CollectionReminder(Guid caseId, int visitDay, DateOnly dueOn, bool overdue, DateTimeOffset sentAt)
    {
        CaseId = caseId;
        VisitDay = visitDay;
        DueOn = dueOn;
        Overdue = overdue;
        SentAt = sentAt;
    }

    public Guid CaseId { get; private set; }
    public int VisitDay { get; private set; }
    public DateOnly DueOn { get; private set; }
    public bool Overdue { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
}
