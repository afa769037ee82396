namespace DonationRegistry.OrganCoordination.Domain.OrganCases;

/// <summary>The declaration of death: category, time and the physicians who determined it (identified by staff id).</summary>
public sealed record DeathDeclaration(DeathCategory Category, DateTimeOffset DiedAt, IReadOnlyList<string> DeterminingPhysicians,
    string DocumentReference);
