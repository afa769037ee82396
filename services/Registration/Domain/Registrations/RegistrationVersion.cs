namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>A kept version of the amendable part of a registration (scope, contact details, executor).</summary>
public sealed class RegistrationVersion
{
    private RegistrationVersion()
    {
    }

    public RegistrationVersion(int number, AmendableDetails details, string? reason, Actor actor, DateTimeOffset at)
    {
        Number = number;
        Details = details;
        Reason = reason;
        ActorUserId = actor.UserId;
        At = at;
    }

    public long Id { get; private set; }
    public int Number { get; private set; }
    public AmendableDetails Details { get; private set; } = null!;
    public string? Reason { get; private set; }
    public string ActorUserId { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}

/// <summary>What an amendment may change, as one snapshot.</summary>
public sealed record AmendableDetails(
    IReadOnlyList<DonationScope> Scope, string Phone, string? Address, NotificationContact? NotificationContact, Executor? Executor);
