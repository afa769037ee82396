using DonationRegistry.Common.PersonalData;
using DonationRegistry.Registration.Domain.Registrations;

namespace DonationRegistry.Registration.Application;

/// <summary>
/// Turns a validated ID number into its stored form (ciphertext, lookup hash, mask) and back, with the service's keys
/// (configuration <c>PersonalData:EncryptionKey</c> and <c>PersonalData:HashKey</c>, base64, 32 bytes each; never in the repository).
/// </summary>
public sealed class IdNumberProtection(PersonalDataProtector protector)
{
    public ProtectedIdNumber Protect(IdType type, string normalisedNumber) =>
        new(protector.Encrypt(normalisedNumber), LookupHash(type, normalisedNumber), IdNumberMask.Mask(normalisedNumber));

    public byte[] LookupHash(IdType type, string number) => protector.LookupHash(type.ToString(), number);

    public string Reveal(byte[] cipher) => protector.Decrypt(cipher);
}
