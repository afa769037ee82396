namespace DonationRegistry.Hsc.Domain.Requests;

/// <summary>What one re-contact (再动员) attempt achieved.</summary>
public enum ReContactOutcome
{
    /// <summary>Reached and willing to go on.</summary>
    Willing = 1,
    /// <summary>Reached and not willing (ends the request).</summary>
    Declined = 2,
    /// <summary>Not reached.</summary>
    Unreachable = 3,
    /// <summary>Reached but not available for now (travel, illness, pregnancy …).</summary>
    TemporarilyUnavailable = 4,
}
