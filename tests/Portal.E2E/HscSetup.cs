using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DonationRegistry.Common;
using DonationRegistry.TestSupport.Identity;
using Microsoft.Playwright;

namespace DonationRegistry.Portal.E2E;

/// <summary>
/// What the HSC journey needs besides the demo users: a local (county) Red Cross officer of Haishu, Ningbo (the demo seed's
/// local.yh works in Yuhang, Hangzhou, outside the Ningbo case), and the demo donor of Haishu the journey picks.
/// </summary>
public static class HscSetup
{
    public const string City = "330200";
    public const string Haishu = "330203";
    public const string Hospital = "H-330203-0001";

    /// <summary>The patient of the journey: typed like demo donor 1 (haplotypes 1 and 2 of the demo seed), 10/10 with it.</summary>
    public const string DonorGlString =
        "A*30:01+A*02:07^C*06:02+C*01:02^B*13:02+B*46:01^DRB1*07:01+DRB1*09:01^DQB1*02:02+DQB1*03:03";

    /// <summary>A new local Red Cross officer of Haishu; its user name and password.</summary>
    public static async Task<CreatedUser> LocalOfficerAsync(PortalSystem system) =>
        await system.Identity.CreateUserAsync(Roles.LocalRedCrossOfficer, "RC-" + Haishu, Haishu, "county", "钱伟（海曙区红十字会）");

    /// <summary>"donors/{id}" of demo donor <paramref name="n"/>, derived as the HSC demo seeder derives it (demo donor 1 lives in Haishu).</summary>
    public static string DemoDonor(int n)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"donationregistry-demo-hsc-donor-{n}"))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return "donors/" + new Guid(bytes);
    }

    /// <summary>Signs in a user with its own password (the demo users' is <see cref="IdentityServer.DemoPassword"/>).</summary>
    public static async Task SignInAsync(IPage page, CreatedUser user, string returnPath)
    {
        await page.GotoAsync("account/signin?returnUrl=" + Uri.EscapeDataString("/" + returnPath));
        await page.Locator("#username").FillAsync(user.UserName);
        await page.Locator("#password").FillAsync(user.Password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/connect/", StringComparison.Ordinal) && !url.Contains("/account/login", StringComparison.OrdinalIgnoreCase)
            && !url.Contains("signin-oidc", StringComparison.Ordinal));
        await Browser.InteractiveAsync(page);
    }

    /// <summary>Types into a field and leaves it (MudBlazor fields without Immediate bind when the field loses focus).</summary>
    public static async Task TypeAsync(IPage page, string inputId, string value)
    {
        var input = page.Locator("#" + inputId);
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    /// <summary>
    /// A collection case at step 1 for demo donor <paramref name="n"/>, set up through the HSC service's HTTP API by the Ningbo
    /// coordinator (search, request, re-contact, confirmatory typing, primary, case) as the journey does it in the browser; "collectionCases/{id}".
    /// </summary>
    public static async Task<string> CaseAtStepOneAsync(PortalSystem system, int n)
    {
        var token = await system.Identity.TokenAsync("hsc.nb", IdentityServer.DemoPassword, Scopes.Hsc);
        using var http = new HttpClient { BaseAddress = new Uri(system.Hsc.HttpAddress + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var search = await PostAsync(http, "v1/searches", new
        {
            patientReference = "TC-E2E-" + Guid.NewGuid().ToString("N")[..6], patientTyping = DonorGlString, criteria = new { preset = "TEN_OF_TEN" },
        });
        var request = await PostAsync(http, "v1/donorRequests", new { search, donor = DemoDonor(n), transplantCentre = "浙江大学医学院附属第一医院" });
        await PostAsync(http, $"v1/{request}:recordReContactAttempt", new { channel = "CHANNEL_PHONE", outcome = "DONOR_WILLING" });
        await PostAsync(http, $"v1/{request}:recordConfirmatorySample", new { stage = "CONFIRMATORY_SAMPLE_REQUESTED" });
        await PostAsync(http, $"v1/{request}:recordConfirmatorySample", new { stage = "CONFIRMATORY_SAMPLE_RECEIVED", sampleId = "CT-E2E-" + n });
        await PostAsync(http, $"v1/{request}:recordConfirmatoryTyping", new { glString = DonorGlString, method = "NGS" });
        await PostAsync(http, $"v1/{request}:selectDonor", new { selection = "PRIMARY_DONOR" });
        return await PostAsync(http, "v1/collectionCases", new { donorRequest = request, localRegion = Haishu, hospitalOrgId = Hospital });
    }

    // Posts a JSON body; returns the "name" of the resource answered.
    private static async Task<string> PostAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} failed: {(int)response.StatusCode} {text}");
        }
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("name").GetString()!;
    }
}
