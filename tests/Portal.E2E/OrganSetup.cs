using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DonationRegistry.Common;

namespace DonationRegistry.Portal.E2E;

/// <summary>
/// Organ-coordination set-up a journey needs before its people start, done as the provincial registry officer through the
/// service's JSON API: coordinator credentials (the service's seeder cannot know Identity's user ids, so the demo coordinator's
/// own credential is made here).
/// </summary>
public static class OrganSetup
{
    private static readonly SemaphoreSlim Holders = new(1, 1);
    private static readonly HashSet<string> Certified = new(StringComparer.Ordinal);
    private static readonly string[] CorneaOnly = ["CORNEA_DONATION"];

    /// <summary>A certified credential for <paramref name="holderId"/> (an Identity user id or any witness id); returns its number.</summary>
    public static async Task<string> CertifiedCredentialAsync(AppHostSystem system, string holderId)
    {
        using var http = await ClientAsync(system, "officer.zj");
        var credential = await PostAsync(http, "v1/credentials", new { holderId, orgId = "RC-330100", regionCode = "330100" });
        var name = credential.GetProperty("name").GetString()!;
        credential = await PostAsync(http, $"v1/{name}:recordTraining",
            new { etag = credential.GetProperty("etag").GetString(), hours = 40, courseReference = "COURSE-E2E" });
        var number = "ZJ-E2E-" + Guid.NewGuid().ToString("N")[..8];
        await PostAsync(http, $"v1/{name}:certify", new { etag = credential.GetProperty("etag").GetString(), number });
        return number;
    }

    /// <summary>
    /// Gives the demo user <paramref name="userName"/> a certified credential unless it already holds one (each journey may be
    /// the first in a run).
    /// </summary>
    public static async Task EnsureCoordinatorCredentialAsync(AppHostSystem system, string userName)
    {
        var holderId = await system.UserIdAsync(userName, Scopes.Organ);
        await Holders.WaitAsync();
        try
        {
            if (!Certified.Contains(holderId))
            {
                await CertifiedCredentialAsync(system, holderId);
                Certified.Add(holderId);
            }
        }
        finally
        {
            Holders.Release();
        }
    }

    /// <summary>
    /// A cornea case of the demo coordinator whose donor died <paramref name="sinceDeath"/> ago, at a new eye bank; returns its
    /// resource name ("tissueCases/{id}") and the time of death given (whole seconds).
    /// </summary>
    public static async Task<(string Name, DateTimeOffset DiedAt)> CorneaCaseAsync(AppHostSystem system, TimeSpan sinceDeath)
    {
        await EnsureCoordinatorCredentialAsync(system, "coordinator");
        var bankId = "EB-E2E-" + Guid.NewGuid().ToString("N")[..6];
        using (var officer = await ClientAsync(system, "officer.zj"))
        {
            await PostAsync(officer, "v1/receivingUnits?receivingUnitId=" + bankId, new
            {
                displayName = "浙江省眼库（测试）", kind = "EYE_BANK", regionCode = "330100", acceptedDonations = CorneaOnly, active = true,
            });
        }
        var diedAt = DateTimeOffset.FromUnixTimeSeconds((DateTimeOffset.UtcNow - sinceDeath).ToUnixTimeSeconds());
        using var coordinator = await ClientAsync(system, "coordinator");
        var tissueCase = await PostAsync(coordinator, "v1/tissueCases", new
        {
            requestId = Guid.NewGuid().ToString(), kind = "CORNEA", regionCode = "330102", orgId = "H-330102-0001",
            receivingUnit = "receivingUnits/" + bankId, deathTime = diedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            familyCareContactConsent = false,
        });
        return (tissueCase.GetProperty("name").GetString()!, diedAt);
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} failed: {(int)response.StatusCode} {text}");
        }
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    private static Task<HttpClient> ClientAsync(AppHostSystem system, string userName) => system.ClientAsync("organcoordination", userName, Scopes.Organ);
}
