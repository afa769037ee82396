namespace DonationRegistry.Contracts;

/// <summary>
/// A written objection ("do not donate") was recorded for a registration; donation cases must treat the person as objecting
/// (the family may not consent).
/// </summary>
public sealed record ObjectionRecorded(Guid RegistrationId, string Programme, string RegionCode, DateTimeOffset RecordedAt) : IIntegrationEvent;
