namespace DonationRegistry.OrganCoordination.Domain.BodyCases;

/// <summary>What the receiving unit uses the body for.</summary>
public enum BodyUse
{
    Teaching = 1,
    Research = 2,
    Anatomy = 3,
}
