namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>An adverse event found at a follow-up visit.</summary>
public sealed record AdverseEvent(string Description, AdverseEventSeverity Severity);
