using System.Text;
using System.Text.Json;
using DonationRegistry.Common;
using DonationRegistry.Identity.V1;

namespace DonationRegistry.SystemTests.Journeys;

/// <summary>
/// Users of the journeys: Identity's demo users, and the few the demo set lacks, created through Identity's own user administration
/// (UserAdmin.CreateUser as the demo <c>admin</c>) with the demo password, so they sign in like the demo users (password grant).
/// </summary>
public static class SystemUsers
{
    /// <summary>
    /// 杭州市红十字会造血干细胞工作人员. The demo users have an HSC coordinator only for Ningbo (hsc.nb), but the donor the demo clerk
    /// enrols at the Hangzhou point RP-330100-0001 is a Hangzhou donor (region 330100): only Hangzhou's (or the province's)
    /// coordinator may type them, and the city that requests a donor runs the collection case.
    /// </summary>
    public static ExtraUser HangzhouHscCoordinator { get; } =
        new("hsc.hz", "钱晓（杭州市红十字会造血干细胞）", Roles.HscCoordinator, "city", "RC-330100", "330100");

    /// <summary>An access token of <paramref name="user"/>, creating the user first (idempotent by a fixed request id).</summary>
    public static async Task<string> TokenAsync(SystemFixture system, ExtraUser user, string scope)
    {
        var admin = new UserAdmin.UserAdminClient(system.Channel("identity", await system.TokenAsync("admin", Scopes.Identity)));
        await admin.CreateUserAsync(new CreateUserRequest
        {
            RequestId = "system-tests-" + user.UserName,
            Password = SystemFixture.DemoPassword,
            User = new User
            {
                UserName = user.UserName, DisplayName = user.DisplayName, Role = user.Role, OrgType = user.OrgType, OrgId = user.OrgId,
                Region = user.Region,
            },
        });
        return await system.TokenAsync(user.UserName, scope);
    }

    /// <summary>The Identity user id behind an access token: its <c>sub</c> (tokens are signed, not encrypted).</summary>
    public static string UserIdOf(string accessToken)
    {
        var payload = accessToken.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return json.RootElement.GetProperty("sub").GetString()!;
    }
}
