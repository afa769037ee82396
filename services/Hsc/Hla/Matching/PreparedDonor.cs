namespace DonationRegistry.Hla.Matching;

/// <summary>A donor with its typings interned, ready to be written into a slot.</summary>
internal readonly record struct PreparedDonor(Guid DonorId, LocusPairIds Pairs, int BirthDay, byte Attributes, int Region);
