namespace DonationRegistry.SystemTests.Faults;

/// <summary>The counts of one reconciliation (see <see cref="Reconciliation"/>).</summary>
public sealed record ReconciliationReport(
    int Acknowledged, int Stored, int StoredWrongOrTwice, int Events, int EventsTwice, long Unsent, long InboxRows, long Donors,
    long AuditEntries)
{
    /// <summary>Every acknowledged enrolment stored once, published once, received once and applied once downstream.</summary>
    public bool Complete =>
        Stored == Acknowledged && StoredWrongOrTwice == 0 && Events == Acknowledged && EventsTwice == 0 && Unsent == 0 &&
        InboxRows == Acknowledged && Donors == Acknowledged && AuditEntries == Acknowledged;

    public override string ToString() =>
        $"acknowledged {Acknowledged}; Registration: stored {Stored} (wrong or twice {StoredWrongOrTwice}), events {Events} " +
        $"(twice {EventsTwice}, unsent {Unsent}); Hsc: inbox {InboxRows}, donors {Donors}, enrolment audit entries {AuditEntries}";
}
