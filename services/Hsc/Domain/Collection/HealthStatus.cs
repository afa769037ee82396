namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>The donor's health as a follow-up visit found it.</summary>
public enum HealthStatus
{
    Well = 1,
    /// <summary>Minor complaints (bone pain, fatigue) that need no treatment.</summary>
    MinorComplaints = 2,
    /// <summary>Unwell: needs medical attention.</summary>
    Unwell = 3,
}
