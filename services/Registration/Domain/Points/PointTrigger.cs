namespace DonationRegistry.Registration.Domain.Points;

/// <summary>An action that moves a registration point through its lifecycle.</summary>
public enum PointTrigger
{
    Authorise = 1,
    Activate = 2,
    Suspend = 3,
    Resume = 4,
    Close = 5,
}
