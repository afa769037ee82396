namespace DonationRegistry.OrganCoordination.Domain.Credentials;

/// <summary>Why a credential was revoked.</summary>
public enum RevocationReason
{
    /// <summary>A false witness report (条例 Art 47): permanent.</summary>
    FalseWitness = 1,
    /// <summary>Failed to witness a case the coordinator was appointed to (条例 Art 47): permanent.</summary>
    MissingWitness = 2,
    Misconduct = 3,
    /// <summary>The coordinator left the role; may apply again.</summary>
    LeftRole = 4,
    /// <summary>The application was not accepted.</summary>
    ApplicationRejected = 5,
}
