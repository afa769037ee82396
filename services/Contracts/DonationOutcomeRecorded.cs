namespace DonationRegistry.Contracts;

/// <summary>
/// Published by OrganCoordination when a case closes: whether the registered donation was realised; the Registration service moves
/// the registration to Realised or NotRealised and counts it in its statistics.
/// </summary>
public sealed record DonationOutcomeRecorded(Guid RegistrationId, Guid CaseId, bool Realised, string? ReasonCode, DateTimeOffset RecordedAt)
    : IIntegrationEvent;
