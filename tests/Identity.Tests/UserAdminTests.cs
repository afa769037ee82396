using DonationRegistry.Common;
using DonationRegistry.Identity.V1;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Identity;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Identity.Tests;

/// <summary>The UserAdmin gRPC API over h2c with real tokens: who may call it, what it validates, what it writes.</summary>
public sealed class UserAdminTests(IdentityServer identity) : IClassFixture<IdentityServer>, IDisposable
{
    private readonly List<Grpc.Net.Client.GrpcChannel> _channels = [];

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }

    [Fact]
    public async Task CreateUser_WhenAdministrator_CreatesUserWhoCanSignIn()
    {
        var client = await AdminClientAsync();

        var user = await client.CreateUserAsync(new CreateUserRequest
        {
            User = NewUser("clerk.gs", Roles.RegistrationClerk, "registration_point", "RP-330106-0001", "330106"),
            Password = "Start#2026",
        });

        Assert.StartsWith("users/", user.Name, StringComparison.Ordinal);
        Assert.Equal("clerk.gs", user.UserName);
        Assert.False(user.Disabled);
        Assert.False(string.IsNullOrEmpty(user.Etag));
        var token = await identity.TokenAsync("clerk.gs", "Start#2026", Scopes.Registration);
        var payload = Jwt.Payload(token);
        Assert.Equal(user.Name, "users/" + Jwt.String(payload, ClaimNames.Subject));
        Assert.Equal("RP-330106-0001", Jwt.String(payload, ClaimNames.OrgId));
    }

    [Fact]
    public async Task CreateUser_WhenCallerHasAnotherRole_PermissionDenied()
    {
        var token = await identity.TokenForAsync(Roles.RegistryOfficer, "RC-330000", "330000", "province", Scopes.Identity);
        using var channel = identity.Channel(token);
        var client = new UserAdmin.UserAdminClient(channel);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => client.CreateUserAsync(new CreateUserRequest
        {
            User = NewUser("never.created", Roles.RegistrationClerk, "registration_point", "RP-330100-0001", "330100"),
            Password = "Start#2026",
        }).ResponseAsync);

        Assert.DoesNotContain(await AllUserNamesAsync(), n => n == "never.created");
    }

    [Fact]
    public async Task ListUsers_WhenServiceClientCalls_PermissionDenied()
    {
        // No service client may request scope identity, so a service token has the wrong audience: it is not accepted at all.
        var token = await identity.ClientTokenAsync("registration", IdentityServer.ClientSecrets["registration"], Scopes.Registration);
        using var channel = identity.Channel(token);

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => new UserAdmin.UserAdminClient(channel).ListUsersAsync(new ListUsersRequest()).ResponseAsync);
    }

    [Fact]
    public async Task ListUsers_WhenNoToken_Unauthenticated()
    {
        using var channel = identity.Channel();

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => new UserAdmin.UserAdminClient(channel).ListUsersAsync(new ListUsersRequest()).ResponseAsync);
    }

    [Fact]
    public async Task ListUsers_WhenAdministratorTokenLacksIdentityScope_Unauthenticated()
    {
        var token = await identity.TokenAsync("admin", IdentityServer.DemoPassword, Scopes.Registration);
        using var channel = identity.Channel(token);

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => new UserAdmin.UserAdminClient(channel).ListUsersAsync(new ListUsersRequest()).ResponseAsync);
    }

    [Fact]
    public async Task ListUsers_WhenTokenIsForged_Unauthenticated()
    {
        var token = await identity.TokenAsync("admin", IdentityServer.DemoPassword, Scopes.Identity);
        var parts = token.Split('.');
        var forged = parts[0] + "." + parts[1] + "." + new string('A', parts[2].Length);
        using var channel = identity.Channel(forged);

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => new UserAdmin.UserAdminClient(channel).ListUsersAsync(new ListUsersRequest()).ResponseAsync);
    }

    [Fact]
    public async Task CreateUser_WhenInputBad_InvalidArgumentWithEveryFieldViolationAndNothingWritten()
    {
        var client = await AdminClientAsync();
        var before = await AllUserNamesAsync();

        var ex = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => client.CreateUserAsync(new CreateUserRequest
        {
            User = NewUser("", "superuser", "registration_point", "RP-330100-0001", "990001"),
            Password = "short",
        }).ResponseAsync);

        var badRequest = ex.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(["password", "user.region", "user.role", "user.user_name"], badRequest.FieldViolations.Select(v => v.Field).Order());
        Assert.Equal(before, await AllUserNamesAsync());
    }

    [Fact]
    public async Task CreateUser_WhenUserMissing_InvalidArgumentOnUser()
    {
        var client = await AdminClientAsync();

        var ex = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => client.CreateUserAsync(new CreateUserRequest { Password = "Start#2026" }).ResponseAsync);

        Assert.Equal(["user"], ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task CreateUser_WhenUserNameTaken_AlreadyExists()
    {
        var client = await AdminClientAsync();

        var ex = await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => client.CreateUserAsync(new CreateUserRequest
        {
            User = NewUser("Clerk", Roles.RegistrationClerk, "registration_point", "RP-330100-0001", "330100"),
            Password = "Start#2026",
        }).ResponseAsync);

        Assert.Contains("clerk", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_WhenRepeatedWithSameRequestId_ReturnsTheFirstUser()
    {
        var client = await AdminClientAsync();
        var request = new CreateUserRequest
        {
            User = NewUser("care.nb", Roles.FamilyCareStaff, "city", "RC-330200", "330200"),
            Password = "Start#2026",
            RequestId = Guid.NewGuid().ToString(),
        };

        var first = await client.CreateUserAsync(request);
        var second = await client.CreateUserAsync(request);

        Assert.Equal(first.Name, second.Name);
    }

    [Fact]
    public async Task GetUser_WhenUnknown_NotFound()
    {
        var client = await AdminClientAsync();

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => client.GetUserAsync(new GetUserRequest { Name = "users/" + Guid.NewGuid() }).ResponseAsync);
    }

    [Fact]
    public async Task GetUser_WhenNameMalformed_InvalidArgumentOnName()
    {
        var client = await AdminClientAsync();

        var ex = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => client.GetUserAsync(new GetUserRequest { Name = "clerk" }).ResponseAsync);

        Assert.Equal(["name"], ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task ListUsers_WhenPaged_ReturnsEveryUserOnceInOrder()
    {
        var client = await AdminClientAsync();
        var names = new List<string>();
        var token = "";
        do
        {
            var page = await client.ListUsersAsync(new ListUsersRequest { PageSize = 3, PageToken = token });
            Assert.True(page.Users.Count <= 3);
            names.AddRange(page.Users.Select(u => u.UserName));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Contains("admin", names);
        Assert.Contains("officer.zj", names);
    }

    [Theory]
    [InlineData(-1, "", "page_size")]
    [InlineData(201, "", "page_size")]
    [InlineData(10, "not-a-token", "page_token")]
    public async Task ListUsers_WhenPagingArgumentsBad_InvalidArgument(int pageSize, string pageToken, string field)
    {
        var client = await AdminClientAsync();

        var ex = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => client.ListUsersAsync(new ListUsersRequest { PageSize = pageSize, PageToken = pageToken }).ResponseAsync);

        Assert.Equal([field], ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task AssignRole_WhenValid_NextTokenCarriesNewRoleAndOrganisation()
    {
        var client = await AdminClientAsync();
        var created = await identity.CreateUserAsync(Roles.RegistrationClerk, "RP-330100-0003", "330100", "registration_point");

        var updated = await client.AssignRoleAsync(new AssignRoleRequest
        {
            Name = "users/" + created.Id,
            Role = Roles.LocalRedCrossOfficer,
            OrgType = "county",
            OrgId = "RC-330106",
            Region = "330106",
        });

        Assert.Equal(Roles.LocalRedCrossOfficer, updated.Role);
        var payload = Jwt.Payload(await identity.TokenAsync(created.UserName, created.Password, Scopes.Registration));
        Assert.Equal(Roles.LocalRedCrossOfficer, Jwt.String(payload, ClaimNames.Role));
        Assert.Equal("RC-330106", Jwt.String(payload, ClaimNames.OrgId));
        Assert.Equal("330106", Jwt.String(payload, ClaimNames.Region));
        Assert.Equal("county", Jwt.String(payload, ClaimNames.OrgType));
    }

    [Fact]
    public async Task AssignRole_WhenRoleUnknownAndRegionBad_InvalidArgumentAndUserUnchanged()
    {
        var client = await AdminClientAsync();
        var created = await identity.CreateUserAsync(Roles.RegistrationClerk, "RP-330100-0004", "330100", "registration_point");

        var ex = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => client.AssignRoleAsync(new AssignRoleRequest
        {
            Name = "users/" + created.Id,
            Role = Roles.Service,
            OrgType = "county",
            OrgId = "RC-330106",
            Region = "33010",
        }).ResponseAsync);

        Assert.Equal(["region", "role"], ex.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order());
        var user = await client.GetUserAsync(new GetUserRequest { Name = "users/" + created.Id });
        Assert.Equal(Roles.RegistrationClerk, user.Role);
    }

    [Fact]
    public async Task AssignRole_WhenEtagStale_Aborted()
    {
        var client = await AdminClientAsync();
        var created = await identity.CreateUserAsync(Roles.HscCoordinator, "RC-330200", "330200", "city");
        var read = await client.GetUserAsync(new GetUserRequest { Name = "users/" + created.Id });
        await client.AssignRoleAsync(new AssignRoleRequest
        {
            Name = read.Name, Role = Roles.HscCoordinator, OrgType = "city", OrgId = "RC-330300", Region = "330300", Etag = read.Etag,
        });

        await RpcAssert.FailsAsync(StatusCode.Aborted, () => client.AssignRoleAsync(new AssignRoleRequest
        {
            Name = read.Name, Role = Roles.HscCoordinator, OrgType = "city", OrgId = "RC-330400", Region = "330400", Etag = read.Etag,
        }).ResponseAsync);

        Assert.Equal("RC-330300", (await client.GetUserAsync(new GetUserRequest { Name = read.Name })).OrgId);
    }

    [Fact]
    public async Task DisableUser_WhenDone_UserCanNoLongerGetTokens()
    {
        var client = await AdminClientAsync();
        var created = await identity.CreateUserAsync(Roles.OrganCoordinator, "H-330102-0001", "330102", "hospital");

        var disabled = await client.DisableUserAsync(new DisableUserRequest { Name = "users/" + created.Id });

        Assert.True(disabled.Disabled);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => identity.TokenAsync(created.UserName, created.Password, Scopes.Organ));
        Assert.Contains("disabled", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisableUser_WhenAdministratorDisablesThemself_InvalidArgument()
    {
        var admin = await identity.CreateUserAsync(Roles.Administrator, "RC-330000", "330000", "province");
        var token = await identity.TokenAsync(admin.UserName, admin.Password, Scopes.Identity);
        using var channel = identity.Channel(token);

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () =>
            new UserAdmin.UserAdminClient(channel).DisableUserAsync(new DisableUserRequest { Name = "users/" + admin.Id }).ResponseAsync);
    }

    [Fact]
    public async Task ListUsersOverJson_WhenAdministrator_ReturnsUsersAndWithoutTokenIs401()
    {
        using var http = new HttpClient();
        using var anonymous = await http.GetAsync(new Uri(identity.Authority + "v1/users?page_size=2"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);

        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            await identity.TokenAsync("admin", IdentityServer.DemoPassword, Scopes.Identity));
        using var response = await http.GetAsync(new Uri(identity.Authority + "v1/users?page_size=2"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, json.RootElement.GetProperty("users").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("nextPageToken").GetString()));
    }

    private async Task<UserAdmin.UserAdminClient> AdminClientAsync()
    {
        var token = await identity.TokenAsync("admin", IdentityServer.DemoPassword, Scopes.Identity);
        var channel = identity.Channel(token);
        _channels.Add(channel);
        return new UserAdmin.UserAdminClient(channel);
    }

    private async Task<List<string>> AllUserNamesAsync()
    {
        var client = await AdminClientAsync();
        var names = new List<string>();
        var token = "";
        do
        {
            var page = await client.ListUsersAsync(new ListUsersRequest { PageSize = 200, PageToken = token });
            names.AddRange(page.Users.Select(u => u.UserName));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return names;
    }

    private static User NewUser(string userName, string role, string orgType, string orgId, string region) => new()
    {
        UserName = userName,
        DisplayName = "测试用户",
        Role = role,
        OrgType = orgType,
        OrgId = orgId,
        Region = region,
    };
}
