namespace DonationRegistry.OrganCoordination.Domain.OrganCases;

/// <summary>The outcome of one organ: the receiving hospital for a transplant, the reason for a discard.</summary>
public sealed record OrganOutcome(Organ Organ, OrganOutcomeKind Kind, string? ReceivingHospital, string? DiscardReason, DateTimeOffset RecordedAt);
