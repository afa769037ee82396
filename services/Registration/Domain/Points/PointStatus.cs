namespace DonationRegistry.Registration.Domain.Points;

/// <summary>Lifecycle state of a registration point (登记点).</summary>
public enum PointStatus
{
    Proposed = 1,
    Authorised = 2,
    Active = 3,
    Suspended = 4,
    Closed = 5,
}
