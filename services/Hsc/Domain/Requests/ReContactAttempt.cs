namespace DonationRegistry.Hsc.Domain.Requests;

/// <summary>One re-contact attempt as logged: when, by whom (user, role, organisation), the channel and the outcome.</summary>
public sealed class ReContactAttempt
{
    private ReContactAttempt()
    {
    }

    public ReContactAttempt(Guid id, DateTimeOffset at, string byUserId, string byRole, string? byOrgId, ContactChannel channel,
        ReContactOutcome outcome)
    {
        Id = id;
        At = at;
        ByUserId = byUserId;
        ByRole = byRole;
        ByOrgId = byOrgId;
        Channel = channel;
        Outcome = outcome;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ByUserId { get; private set; } = "";
    public string ByRole { get; private set; } = "";
    public string? ByOrgId { get; private set; }
    public ContactChannel Channel { get; private set; }
    public ReContactOutcome Outcome { get; private set; }

    /// <summary>Whether the attempt reached no decision (it counts against the attempt limit).</summary>
    public bool IsUndecided => Outcome is ReContactOutcome.Unreachable or ReContactOutcome.TemporarilyUnavailable;
}
