namespace DonationRegistry.FamilyCare.Domain.Planning;

/// <summary>
/// A visit that may create due work: a missed one (<see cref="MissedOn"/>) not yet re-planned, or a visited one with a follow-up date
/// not yet followed up.
/// </summary>
public sealed record OpenVisitSnapshot(Guid VisitId, Guid FamilyId, string Region, DateOnly? MissedOn, DateOnly? FollowUpOn);
