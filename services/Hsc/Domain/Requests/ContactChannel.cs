namespace DonationRegistry.Hsc.Domain.Requests;

/// <summary>How a re-contact attempt was made.</summary>
public enum ContactChannel
{
    Phone = 1,
    TextMessage = 2,
    /// <summary>A home or workplace visit by the local Red Cross.</summary>
    Visit = 3,
    /// <summary>An instant-messaging app (WeChat).</summary>
    Messaging = 4,
    Letter = 5,
}
