namespace DonationRegistry.FamilyCare.Domain.Families;

/// <summary>The family's contact person for visits and aid.</summary>
public sealed record ContactPerson(string Name, string Phone, string Relationship);
