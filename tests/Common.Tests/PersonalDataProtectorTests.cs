using System.Security.Cryptography;
using System.Text;
using DonationRegistry.Common.PersonalData;
using Xunit;

namespace DonationRegistry.Common.Tests;

public sealed class PersonalDataProtectorTests
{
    private readonly PersonalDataProtector _protector = new(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Encrypt_WhenDecrypted_ReturnsPlaintextAndCiphertextHidesIt()
    {
        var cipher = _protector.Encrypt("330106198503121231");

        Assert.Equal("330106198503121231", _protector.Decrypt(cipher));
        Assert.DoesNotContain("330106", Encoding.UTF8.GetString(cipher), StringComparison.Ordinal);
        Assert.NotEqual(cipher, _protector.Encrypt("330106198503121231")); // random nonce
    }

    [Fact]
    public void Decrypt_WhenTampered_Throws()
    {
        var cipher = _protector.Encrypt("330106198503121231");
        cipher[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => _protector.Decrypt(cipher));
    }

    [Fact]
    public void LookupHash_WhenSameNumberWrittenDifferently_IsEqualAndDiffersByType()
    {
        var a = _protector.LookupHash("resident", "11010519491231002x");
        var b = _protector.LookupHash("resident", " 11010519491231002X ");

        Assert.Equal(a, b);
        Assert.NotEqual(a, _protector.LookupHash("passport", "11010519491231002X"));
    }

    [Fact]
    public void Constructor_WhenKeysEqual_Refuses()
    {
        var key = RandomNumberGenerator.GetBytes(32);

        Assert.Throws<ArgumentException>(() => new PersonalDataProtector(key, key));
    }
}
