using System.Security.Cryptography;
using System.Text;

namespace DonationRegistry.Common.PersonalData;

/// <summary>
/// The one implementation of ID-number protection at rest: AES-256-GCM encryption (random nonce per value) so the number can be
/// shown to those who may see it, and an HMAC-SHA-256 keyed hash of the normalised number for exact look-ups and duplicate
/// detection without decrypting. Keys come from configuration (never from the repository); the two keys must differ.
/// </summary>
public sealed class PersonalDataProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const byte FormatVersion = 1;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    public PersonalDataProtector(byte[] encryptionKey, byte[] hashKey)
    {
        if (encryptionKey.Length != 32 || hashKey.Length < 32)
        {
            throw new ArgumentException("The encryption key must be 32 bytes and the hash key at least 32 bytes.");
        }
        if (encryptionKey.AsSpan().SequenceEqual(hashKey))
        {
            throw new ArgumentException("The encryption key and the hash key must differ.");
        }
        _encryptionKey = encryptionKey;
        _hashKey = hashKey;
    }

    /// <summary>From base64 keys, as configuration holds them.</summary>
    public static PersonalDataProtector FromBase64(string encryptionKey, string hashKey) =>
        new(Convert.FromBase64String(encryptionKey), Convert.FromBase64String(hashKey));

    /// <summary>Version byte, nonce, tag, ciphertext.</summary>
    public byte[] Encrypt(string plaintext)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[1 + NonceSize + TagSize + data.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize));
        return output;
    }

    public string Decrypt(byte[] protectedValue)
    {
        if (protectedValue.Length < 1 + NonceSize + TagSize || protectedValue[0] != FormatVersion)
        {
            throw new CryptographicException("Not a value protected by this service.");
        }
        var plaintext = new byte[protectedValue.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(protectedValue.AsSpan(1, NonceSize), protectedValue.AsSpan(1 + NonceSize + TagSize),
            protectedValue.AsSpan(1 + NonceSize, TagSize), plaintext);
        return Encoding.UTF8.GetString(plaintext);
    }

    /// <summary>Keyed hash of the normalised ID number, qualified by its type so a passport and a resident number never collide.</summary>
    public byte[] LookupHash(string idType, string idNumber) =>
        HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(idType + ":" + ResidentIdNumber.Normalise(idNumber)));
}
