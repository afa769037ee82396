namespace DonationRegistry.OrganCoordination.Domain.OrganCases;

/// <summary>
/// The registry's answer as recorded on the case: for a registration its id (to tell the Registration service about the death and
/// the outcome) and its programme scope (e.g. organs, cornea).
/// </summary>
public sealed record RegistryCheck(RegistryAnswer Answer, Guid? RegistrationId, string? RegistrationScope, DateTimeOffset CheckedAt);
