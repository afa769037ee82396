extern alias familycare;

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DonationRegistry.Common;
using DonationRegistry.TestSupport.Identity;
using Microsoft.Extensions.DependencyInjection;
using FamilyCareDbContext = familycare::DonationRegistry.FamilyCare.Infrastructure.FamilyCareDbContext;
using Model = familycare::DonationRegistry.FamilyCare.Domain.Families;

namespace DonationRegistry.Portal.E2E;

/// <summary>Family-care set-up a journey needs before its person starts: the demo worker as staff, an enrolled family with an elder.</summary>
public static class CareSetup
{
    /// <summary>Registers the demo user <paramref name="userName"/> as a staff member of <paramref name="region"/> (by the administrator); its name.</summary>
    public static async Task<string> RegisterStaffAsync(PortalSystem system, string userName, string displayName, string region)
    {
        var userToken = await system.Identity.TokenAsync(userName, IdentityServer.DemoPassword, Scopes.FamilyCare);
        var name = "staffMembers/" + SubjectOf(userToken);
        using var http = await ClientAsync(system, "admin");
        using var response = await http.PostAsJsonAsync("v1/staffMembers", new { staffMember = new { name, displayName, regionCode = region } });
        // A second journey registers the same person again: already there is fine.
        if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.Conflict)
        {
            throw new InvalidOperationException($"RegisterStaffMember failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return name;
    }

    /// <summary>
    /// A family referred by an organ donation (written as the referral consumer writes it), whose consent the care worker then records,
    /// with an elderly parent living alone: it is due for an elder visit this quarter. Returns "families/{id}".
    /// </summary>
    public static async Task<string> FamilyWithElderAsync(PortalSystem system, string region)
    {
        await using (var scope = system.FamilyCare.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyCareDbContext>();
            var family = Model.Family.Refer(Guid.CreateVersion7(), Model.ReferralSource.OrganDonation, Guid.NewGuid(), Guid.NewGuid(), region, true,
                DateTimeOffset.UtcNow);
            db.Families.Add(family);
            await db.SaveChangesAsync();
            var name = "families/" + family.Id;
            using var http = await ClientAsync(system, "care.hz");
            await PostAsync(http, $"v1/{name}:recordConsent", new { evidenceReference = "CONSENT-E2E" });
            await PostAsync(http, $"v1/{name}:addElder", new { displayName = "测老人", age = 78, health = "高血压，行动不便", livingSituation = "ALONE" });
            return name;
        }
    }

    /// <summary>
    /// A visit to <paramref name="family"/> scheduled with <paramref name="staffMember"/> in a free slot three or more weeks ahead (away
    /// from the week the plan journey fills; the service refuses a second visit in one slot of the same person); "visits/{id}".
    /// </summary>
    public static async Task<string> ScheduledVisitAsync(PortalSystem system, string family, string staffMember)
    {
        using var http = await ClientAsync(system, "care.hz");
        var visit = await PostAsync(http, "v1/visits", new { requestId = Guid.NewGuid().ToString(), family });
        var name = visit.GetProperty("name").GetString()!;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        string[] slots = ["MORNING", "LATE_MORNING", "AFTERNOON", "LATE_AFTERNOON"];
        for (var attempt = 0; ; attempt++)
        {
            var day = today.AddDays(21 + Random.Shared.Next(0, 60));
            using var response = await http.PostAsJsonAsync($"v1/{name}:schedule", new
            {
                date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                slot = slots[Random.Shared.Next(slots.Length)], staffMembers = new[] { staffMember },
            });
            if (response.IsSuccessStatusCode)
            {
                return name;
            }
            if (attempt == 5)
            {
                throw new InvalidOperationException($"ScheduleVisit failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
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

    private static async Task<HttpClient> ClientAsync(PortalSystem system, string userName)
    {
        var token = await system.Identity.TokenAsync(userName, IdentityServer.DemoPassword, Scopes.FamilyCare);
        var http = new HttpClient { BaseAddress = system.FamilyCareHttp };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    // Access tokens are signed, not encrypted (Identity disables encryption): the payload's "sub" is the user id.
    private static string SubjectOf(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return json.RootElement.GetProperty("sub").GetString()!;
    }
}
