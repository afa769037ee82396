namespace DonationRegistry.OrganCoordination.Domain.BodyCases;

/// <summary>The steps of a body donation (遗体捐献) at death; <see cref="Rejected"/> carries a reason.</summary>
public enum BodyCaseStatus
{
    DeathNotified = 1,
    HandoverAgreed = 2,
    Received = 3,
    InUse = 4,
    Disposed = 5,
    Memorialised = 6,
    Rejected = 7,
}
