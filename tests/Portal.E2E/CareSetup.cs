extern alias familycare;

using System.Net.Http.Json;
using System.Text.Json;
using DonationRegistry.Common;
using Microsoft.EntityFrameworkCore;
using FamilyCareDbContext = familycare::DonationRegistry.FamilyCare.Infrastructure.FamilyCareDbContext;
using Model = familycare::DonationRegistry.FamilyCare.Domain.Families;

namespace DonationRegistry.Portal.E2E;

/// <summary>Family-care set-up a journey needs before its person starts: the demo worker as staff, an enrolled family with an elder.</summary>
public static class CareSetup
{
    /// <summary>Registers the demo user <paramref name="userName"/> as a staff member of <paramref name="region"/> (by the administrator); its name.</summary>
    public static async Task<string> RegisterStaffAsync(AppHostSystem system, string userName, string displayName, string region)
    {
        var name = "staffMembers/" + await system.UserIdAsync(userName, Scopes.FamilyCare);
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
    /// A family referred by an organ donation, whose consent the care worker then records, with an elderly parent living alone: it is
    /// due for an elder visit this quarter. Returns "families/{id}". No rpc makes a family (they arrive only as completion events over
    /// the broker): the referral is written into FamilyCare's database as its referral consumer writes it (the service's own domain
    /// factory); everything after it goes through the service.
    /// </summary>
    public static async Task<string> FamilyWithElderAsync(AppHostSystem system, string region)
    {
        var options = new DbContextOptionsBuilder<FamilyCareDbContext>().UseNpgsql(system.ConnectionString("familycaredb")).Options;
        await using (var db = new FamilyCareDbContext(options))
        {
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
    public static async Task<string> ScheduledVisitAsync(AppHostSystem system, string family, string staffMember)
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

    private static Task<HttpClient> ClientAsync(AppHostSystem system, string userName) => system.ClientAsync("familycare", userName, Scopes.FamilyCare);
}
