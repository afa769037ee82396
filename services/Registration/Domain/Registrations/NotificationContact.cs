namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>Someone to notify (owned value).</summary>
public sealed record NotificationContact(string FullName, string Relation, string Phone);
