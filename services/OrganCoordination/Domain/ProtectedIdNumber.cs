namespace DonationRegistry.OrganCoordination.Domain;

/// <summary>An ID number as it is stored: its kind, encrypted, a keyed hash for exact look-ups, and the masked form for screens.</summary>
public sealed record ProtectedIdNumber(IdType Type, byte[] Cipher, byte[] LookupHash, string Masked);
