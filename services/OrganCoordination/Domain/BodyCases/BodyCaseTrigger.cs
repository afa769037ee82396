namespace DonationRegistry.OrganCoordination.Domain.BodyCases;

/// <summary>What can happen to a body donation case.</summary>
public enum BodyCaseTrigger
{
    /// <summary>A receiving unit agreed to collect the body.</summary>
    AgreeHandover = 1,
    Receive = 2,
    StartUse = 3,
    /// <summary>Cremation, unless the executor asked otherwise.</summary>
    Dispose = 4,
    Memorialise = 5,
    /// <summary>The body cannot be accepted (until it is in use).</summary>
    Reject = 6,
}
