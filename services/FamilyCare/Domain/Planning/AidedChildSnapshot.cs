namespace DonationRegistry.FamilyCare.Domain.Planning;

/// <summary>An aid case in an aided state, with when the child was last reviewed.</summary>
public sealed record AidedChildSnapshot(Guid AidId, Guid FamilyId, string Region, DateOnly? LastReviewedOn);
