namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>How a registration was made.</summary>
public enum Channel
{
    /// <summary>At an authorised registration point, by a clerk: starts as Draft.</summary>
    AuthorisedPoint = 1,
    /// <summary>By the volunteer online: registered at once.</summary>
    Online = 2,
}
