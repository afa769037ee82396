namespace DonationRegistry.OrganCoordination.Domain.Credentials;

/// <summary>What can happen to a coordinator credential.</summary>
public enum CredentialTrigger
{
    /// <summary>Training hours completed (a course, a refresher); repeatable in every state but Revoked.</summary>
    RecordTraining = 1,
    Certify = 2,
    /// <summary>A new validity period after the renewal training; also for a credential that has expired.</summary>
    Renew = 3,
    Suspend = 4,
    Reinstate = 5,
    /// <summary>Final. For a false or missing witness the holder is barred for life (条例 Art 47).</summary>
    Revoke = 6,
}
