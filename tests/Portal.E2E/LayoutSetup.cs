using System.Net.Http.Json;
using System.Text.Json;
using DonationRegistry.Common;

namespace DonationRegistry.Portal.E2E;

/// <summary>
/// The records the page-layout check opens, made once per run: an HSC donor request with its collection case at step 1 (demo donor
/// 14, whom no journey uses), an organ case just reported by the demo coordinator, and a family with a visit scheduled for the demo
/// family-care worker.
/// </summary>
public static class LayoutSetup
{
    private const int HscDonor = 14;
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (string Request, string Case)? _hsc;
    private static string? _organCase;
    private static (string Family, string Visit)? _care;

    /// <summary>"hsc/donorRequests/{id}" and "hsc/collectionCases/{id}" (Portal paths).</summary>
    public static async Task<(string Request, string Case)> HscAsync(AppHostSystem system)
    {
        await Gate.WaitAsync();
        try
        {
            if (_hsc is null)
            {
                var (request, collectionCase) = await HscSetup.RequestWithCaseAsync(system, HscDonor, HscSetup.DemoDonorTyping(HscDonor));
                _hsc = ("hsc/" + request, "hsc/" + collectionCase);
            }
            return _hsc.Value;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>"organ/organCases/{id}" (Portal path) of a case in state reported, with a donor ID number.</summary>
    public static async Task<string> OrganCaseAsync(AppHostSystem system)
    {
        await OrganSetup.EnsureCoordinatorCredentialAsync(system, "coordinator");
        await Gate.WaitAsync();
        try
        {
            if (_organCase is null)
            {
                using var http = await system.ClientAsync("organcoordination", "coordinator", Scopes.Organ);
                using var response = await http.PostAsJsonAsync("v1/organCases", new
                {
                    requestId = Guid.NewGuid().ToString(), regionCode = "330102", hospitalId = "H-330102-0001",
                    donorIdType = "RESIDENT_ID", donorIdNumber = TestPeople.AdultIdNumber(),
                });
                var text = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"CreateOrganCase failed: {(int)response.StatusCode} {text}");
                }
                using var json = JsonDocument.Parse(text);
                _organCase = "organ/" + json.RootElement.GetProperty("name").GetString();
            }
            return _organCase;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>"care/families/{id}" and "care/visits/{id}" (Portal paths): a Xihu family with an elder and a visit scheduled for care.hz.</summary>
    public static async Task<(string Family, string Visit)> CareAsync(AppHostSystem system)
    {
        var staff = await CareSetup.RegisterStaffAsync(system, "care.hz", "孙丽", "330100");
        await Gate.WaitAsync();
        try
        {
            if (_care is null)
            {
                var family = await CareSetup.FamilyWithElderAsync(system, "330106");
                var visit = await CareSetup.ScheduledVisitAsync(system, family, staff);
                _care = ("care/" + family, "care/" + visit);
            }
            return _care.Value;
        }
        finally
        {
            Gate.Release();
        }
    }
}
