using System.Security.Cryptography;

namespace DonationRegistry.Hosting;

/// <summary>
/// Secrets the AppHost generates once for local runs (like Aspire's generated parameters): 32 random bytes, base64, kept in
/// <c>&lt;DataPath&gt;/secrets/&lt;name&gt;</c> readable by the owner only, and reused on every later start so data encrypted with them
/// stays readable. Never in the repository; production supplies its own through the same environment variables.
/// </summary>
public static class GeneratedSecrets
{
    public static string GetOrCreate(string dataPath, string name)
    {
        var folder = Path.Combine(dataPath, "secrets");
        var file = Path.Combine(folder, name);
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }
        Directory.CreateDirectory(folder);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(file, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return secret;
    }
}
