namespace DonationRegistry.FamilyCare.Domain.Planning;

/// <summary>What the due list needs to know of an enrolled family: region, whether elderly parents live, when last visited.</summary>
public sealed record CareFamilySnapshot(Guid FamilyId, string Region, bool HasElders, DateOnly? LastVisitedOn);
