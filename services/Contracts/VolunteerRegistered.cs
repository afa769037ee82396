namespace DonationRegistry.Contracts;

/// <summary>
/// A registration was confirmed (Registered), at a point or online. <paramref name="Programme"/> is "Organ" or "BodyAndTissue";
/// <paramref name="Scope"/> names the scope items (e.g. "Kidney", "Cornea").
/// </summary>
public sealed record VolunteerRegistered(
    Guid RegistrationId, string RegistrationNumber, string Programme, IReadOnlyList<string> Scope, string RegionCode, Guid? PointId,
    string Channel, DateTimeOffset RegisteredAt) : IIntegrationEvent;
