namespace DonationRegistry.OrganCoordination.Domain.OrganCases;

/// <summary>China's donor categories.</summary>
public enum DeathCategory
{
    /// <summary>China I: brain death (DBD).</summary>
    BrainDeath = 1,
    /// <summary>China II: circulatory death (DCD).</summary>
    CirculatoryDeath = 2,
    /// <summary>China III: brain death followed by circulatory death (DBCD).</summary>
    BrainThenCirculatoryDeath = 3,
}
