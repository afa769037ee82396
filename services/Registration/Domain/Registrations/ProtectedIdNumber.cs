namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>An ID number as it is stored: encrypted, a keyed hash for exact look-ups, and the masked form for screens and logs.</summary>
public sealed record ProtectedIdNumber(byte[] Cipher, byte[] LookupHash, string Masked);
