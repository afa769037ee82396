namespace DonationRegistry.Contracts;

/// <summary>
/// Published by OrganCoordination when a donation case concerns a registered volunteer who has died; the Registration service moves
/// the registration to Deceased.
/// </summary>
public sealed record RegistrantDeceased(Guid RegistrationId, Guid CaseId, DateTimeOffset DiedAt) : IIntegrationEvent;
