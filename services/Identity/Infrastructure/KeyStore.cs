using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace DonationRegistry.Identity.Infrastructure;

/// <summary>
/// The server's RSA keys: created once (2048 bits), written as PKCS#8 PEM files readable only by the owner, and loaded on every later
/// start, so tokens stay valid across restarts and every service keeps trusting the same published key. The folder lives outside
/// the repository (configuration <c>Identity:KeysPath</c>); keys are never ephemeral.
/// </summary>
public static class KeyStore
{
    public const string SigningKeyFile = "signing-key.pem";
    public const string EncryptionKeyFile = "encryption-key.pem";

    /// <summary>Loads the key in <paramref name="fileName"/> under <paramref name="folder"/>, creating it first if there is none.</summary>
    public static RsaSecurityKey LoadOrCreate(string folder, string fileName)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path))
        {
            TryCreate(path);
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        var key = new RsaSecurityKey(rsa);
        // The key id is the RFC 7638 thumbprint: stable for the same key, different for another one.
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    private static void TryCreate(string path)
    {
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(temp, System.Text.Encoding.ASCII, options))
        {
            writer.Write(pem);
        }
        try
        {
            // No overwrite: if another process created the key meanwhile, its key wins and ours is discarded.
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
    }
}
