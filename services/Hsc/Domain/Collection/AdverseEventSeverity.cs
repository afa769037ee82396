namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>Severity of an adverse event; <see cref="Serious"/> ones are flagged for reporting.</summary>
public enum AdverseEventSeverity
{
    Mild = 1,
    Moderate = 2,
    /// <summary>Serious adverse event (严重不良反应): reported to the registry.</summary>
    Serious = 3,
}
