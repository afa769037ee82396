namespace DonationRegistry.Hsc.Application.Requests;

/// <summary>What a caller can ask of the donor request workflow, as <see cref="RequestAccess"/> names it.</summary>
public enum RequestOperation
{
    /// <summary>Open, record the confirmatory sample and typing, select, cancel.</summary>
    Drive,
    /// <summary>Log a re-contact attempt.</summary>
    RecordAttempt,
    /// <summary>Read requests.</summary>
    Read,
}
