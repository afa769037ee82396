using System.Text.Json;
using DonationRegistry.Registration.V1;

namespace DonationRegistry.Registration.Bench;

/// <summary>
/// The demo users' tokens (password grant of the tools client) and the registration point the clerk registers at: created,
/// authorised and activated by officer.zj in 西湖区, with the demo clerk on its staff.
/// </summary>
internal sealed record BenchAccounts(string OfficerToken, string ClerkToken, string PointName)
{
    public static async Task<BenchAccounts> PrepareAsync(BenchEnvironment environment)
    {
        using var http = new HttpClient { BaseAddress = environment.Authority };
        var officerToken = await TokenAsync(http, "officer.zj");
        var clerkToken = await TokenAsync(http, "clerk");
        var pointName = await CreatePointAsync(environment.RegistrationGrpc, officerToken, Subject(clerkToken));
        return new BenchAccounts(officerToken, clerkToken, pointName);
    }

    private static async Task<string> TokenAsync(HttpClient http, string userName)
    {
        using var response = await http.PostAsync(new Uri("connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "tools",
            ["username"] = userName,
            ["password"] = "Demo#2026",
            ["scope"] = DonationRegistry.Common.Scopes.Registration,
        }));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Token for {userName} refused: {(int)response.StatusCode} {body}");
        }
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>The sub claim of a JWT (the demo clerk's user id, to put them on the point's staff).</summary>
    private static string Subject(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
        return json.RootElement.GetProperty("sub").GetString()!;
    }

    private static async Task<string> CreatePointAsync(Uri address, string officerToken, string clerkUserId)
    {
        var (channel, headers) = BenchChannel.Open(address, officerToken);
        using (channel)
        {
            var points = new RegistrationPoints.RegistrationPointsClient(channel);
            var point = new RegistrationPoint
            {
                DisplayName = "基准测试登记点", HostOrganisation = "浙江民生社会养老服务中心", Kind = PointKind.ElderCare, RegionCode = "330106",
                Address = "杭州市西湖区文三路 1 号", ContactPhone = "0571-88889999",
            };
            point.Services.AddRange([PointService.Registration, PointService.IntentLetterWitness]);
            point = await points.CreateRegistrationPointAsync(new CreateRegistrationPointRequest { RequestId = Guid.NewGuid().ToString(), Point = point }, headers);
            point = await points.TransitionRegistrationPointAsync(new TransitionRegistrationPointRequest { Name = point.Name, Trigger = PointTrigger.Authorise, Etag = point.Etag, Reason = "bench" }, headers);
            point = await points.TransitionRegistrationPointAsync(new TransitionRegistrationPointRequest { Name = point.Name, Trigger = PointTrigger.Activate, Etag = point.Etag }, headers);
            await points.AssignStaffAsync(new AssignStaffRequest { Name = point.Name, UserId = clerkUserId }, headers);
            return point.Name;
        }
    }
}
