namespace DonationRegistry.OrganCoordination.Domain.OrganCases;

/// <summary>A credentialed coordinator appointed by the provincial Red Cross to witness the case (条例 Art 19).</summary>
public sealed record WitnessAssignment(string CoordinatorId, string CredentialNumber, DateTimeOffset AssignedAt);
