namespace DonationRegistry.Messaging;

/// <summary>Names and tags of the messaging health checks.</summary>
public static class MessagingHealth
{
    /// <summary>The readiness tag; the same value as <c>DonationRegistry.ServiceDefaults.Extensions.ReadyTag</c>.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Name of the broker (MassTransit bus) check in <c>/health</c>.</summary>
    public const string BusCheckName = "messaging";
}
