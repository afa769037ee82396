namespace DonationRegistry.Hla.Matching;

/// <summary>One donor as the index takes it: the service's donor id, the interpreted typing and the search profile.</summary>
public sealed record IndexedDonor(Guid DonorId, Genotype Genotype, DonorProfile Profile);
