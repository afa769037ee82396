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
    public static async Task<CreatedUser> LocalOfficerAsync(AppHostSystem system) =>
        await system.CreateUserAsync(Roles.LocalRedCrossOfficer, "RC-" + Haishu, Haishu, "county", "钱伟（海曙区红十字会）");

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
    /// The typing of the only sample in the shared HML example (../shared/data/hml), which is also the patient of the HML journey:
    /// its confirmatory typing then compares 10/10.
    /// </summary>
    public const string HmlExampleTyping =
        "A*01:01+A*24:02^B*08:01+B*57:01^C*06:02+C*07:01^DRB1*03:01+DRB1*07:01^DQB1*02:01+DQB1*03:03";

    /// <summary>The sample id in the shared HML example (its &lt;sample id&gt;), given as the confirmatory sample's id.</summary>
    public const string HmlExampleSampleId = "1367-7150-8";

    /// <summary>The shared HML example file, read in place.</summary>
    public static string HmlExampleFile =>
        Path.GetFullPath(Path.Combine(AppHostSystem.RepositoryRoot(), "..", "shared", "data", "hml", "hml_1_0_1-example7-ngsFull.xml"));

    // The HSC demo seed's six haplotypes (services/Hsc/Seeding/DemoDonorSeeder.cs), loci in its order A, C, B, DRB1, DQB1.
    private static readonly string[][] DemoHaplotypes =
    [
        ["A*30:01", "C*06:02", "B*13:02", "DRB1*07:01", "DQB1*02:02"],
        ["A*02:07", "C*01:02", "B*46:01", "DRB1*09:01", "DQB1*03:03"],
        ["A*33:03", "C*03:02", "B*58:01", "DRB1*03:01", "DQB1*02:01"],
        ["A*11:01", "C*07:02", "B*40:01", "DRB1*15:01", "DQB1*06:02"],
        ["A*24:02", "C*01:02", "B*54:01", "DRB1*04:05", "DQB1*04:01"],
        ["A*02:01", "C*03:04", "B*13:01", "DRB1*12:02", "DQB1*03:01"],
    ];

    /// <summary>The typing of demo donor <paramref name="n"/> as the seed makes it (haplotypes n / 6 and n % 6): a 10/10 patient for it.</summary>
    public static string DemoDonorTyping(int n) =>
        string.Join('^', Enumerable.Range(0, 5).Select(l => DemoHaplotypes[n / 6][l] + "+" + DemoHaplotypes[n % 6][l]));

    /// <summary>
    /// A collection case at step 1 for demo donor <paramref name="n"/>, set up through the HSC service's HTTP API by the Ningbo
    /// coordinator (search, request, re-contact, confirmatory typing, primary, case) as the journey does it in the browser; "collectionCases/{id}".
    /// </summary>
    public static async Task<string> CaseAtStepOneAsync(AppHostSystem system, int n) => (await RequestWithCaseAsync(system, n, DonorGlString)).Case;

    /// <summary>As <see cref="CaseAtStepOneAsync"/> for a patient typed <paramref name="patientTyping"/> (10/10 with the donor); both names.</summary>
    public static async Task<(string Request, string Case)> RequestWithCaseAsync(AppHostSystem system, int n, string patientTyping)
    {
        using var http = await ClientAsync(system);
        var sampleId = "CT-E2E-" + Guid.NewGuid().ToString("N")[..6];
        var request = await RequestWithSampleAsync(http, n, patientTyping, new { preset = "TEN_OF_TEN" }, sampleId);
        await PostAsync(http, $"v1/{request}:recordConfirmatoryTyping", new { glString = patientTyping, method = "NGS" });
        await PostAsync(http, $"v1/{request}:selectDonor", new { selection = "PRIMARY_DONOR" });
        var collectionCase = await PostAsync(http, "v1/collectionCases", new { donorRequest = request, localRegion = Haishu, hospitalOrgId = Hospital });
        return (request, collectionCase);
    }

    /// <summary>
    /// A donor request of demo donor <paramref name="n"/> for the patient of the shared HML example, searched with up to five
    /// mismatches at A, B and DRB1 (no demo donor carries the example's haplotypes), re-contacted, its confirmatory sample received
    /// under the example's sample id: the HML file is the next thing to record. "donorRequests/{id}".
    /// </summary>
    public static async Task<string> RequestAwaitingHmlAsync(AppHostSystem system, int n)
    {
        using var http = await ClientAsync(system);
        return await RequestWithSampleAsync(http, n, HmlExampleTyping, new { totalMismatches = 5, perLocusMismatches = 2 }, HmlExampleSampleId);
    }

    private static async Task<string> RequestWithSampleAsync(HttpClient http, int n, string patientTyping, object criteria, string sampleId)
    {
        var search = await PostAsync(http, "v1/searches", new
        {
            patientReference = "TC-E2E-" + Guid.NewGuid().ToString("N")[..6], patientTyping, criteria,
        });
        var request = await PostAsync(http, "v1/donorRequests", new { search, donor = DemoDonor(n), transplantCentre = "浙江大学医学院附属第一医院" });
        await PostAsync(http, $"v1/{request}:recordReContactAttempt", new { channel = "CHANNEL_PHONE", outcome = "DONOR_WILLING" });
        await PostAsync(http, $"v1/{request}:recordConfirmatorySample", new { stage = "CONFIRMATORY_SAMPLE_REQUESTED" });
        await PostAsync(http, $"v1/{request}:recordConfirmatorySample", new { stage = "CONFIRMATORY_SAMPLE_RECEIVED", sampleId });
        return request;
    }

    // The Ningbo coordinator on the HSC service's JSON API.
    private static Task<HttpClient> ClientAsync(AppHostSystem system) => system.ClientAsync("hsc", "hsc.nb", Scopes.Hsc);

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
