using System.Globalization;
using System.Text;
using DonationRegistry.Common.Errors;
using DonationRegistry.Identity.Accounts;
using DonationRegistry.Identity.Domain;
using DonationRegistry.Identity.V1;
using DonationRegistry.ServiceDefaults;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using User = DonationRegistry.Identity.V1.User;

namespace DonationRegistry.Identity.Grpc;

/// <summary>
/// The UserAdmin gRPC API: translates messages to <see cref="UserDirectory"/> calls and back. Only administrators with scope
/// <c>identity</c> reach it (policy <see cref="AdminApi.Policy"/>); errors are domain exceptions mapped by the interceptor.
/// </summary>
public sealed class UserAdminService(UserDirectory users) : UserAdmin.UserAdminBase
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;

    public override async Task<User> CreateUser(CreateUserRequest request, ServerCallContext context)
    {
        var u = request.User ?? throw new ValidationFailedException("user", "The user is required.");
        var profile = new UserProfile(u.UserName, u.DisplayName, u.Role, u.OrgType, u.OrgId, u.Region);
        var created = await users.CreateAsync(profile, request.Password, request.RequestId, context.CancellationToken);
        return ToMessage(created);
    }

    public override async Task<User> GetUser(GetUserRequest request, ServerCallContext context) =>
        ToMessage(await users.GetAsync(ParseName(request.Name), context.CancellationToken));

    public override async Task<ListUsersResponse> ListUsers(ListUsersRequest request, ServerCallContext context)
    {
        if (request.PageSize is < 0 or > MaxPageSize)
        {
            throw new ValidationFailedException("page_size", $"The page size must be between 0 and {MaxPageSize}.");
        }
        var pageSize = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var after = DecodePageToken(request.PageToken);
        // One extra row tells whether there is a next page.
        var page = await users.ListAsync(pageSize + 1, after, context.CancellationToken);
        var response = new ListUsersResponse();
        response.Users.AddRange(page.Take(pageSize).Select(ToMessage));
        if (page.Count > pageSize)
        {
            response.NextPageToken = EncodePageToken(page[pageSize - 1].UserName);
        }
        return response;
    }

    public override async Task<User> AssignRole(AssignRoleRequest request, ServerCallContext context)
    {
        var id = ParseName(request.Name);
        var updated = await users.AssignRoleAsync(id, request.Role, request.OrgType, request.OrgId, request.Region,
            ParseEtag(request.Etag), context.CancellationToken);
        return ToMessage(updated);
    }

    public override async Task<User> DisableUser(DisableUserRequest request, ServerCallContext context)
    {
        var id = ParseName(request.Name);
        if (context.GetCaller().Subject == id.ToString())
        {
            throw new ValidationFailedException("name", "Administrators cannot disable their own account.", "不能停用自己的账户。");
        }
        return ToMessage(await users.DisableAsync(id, ParseEtag(request.Etag), context.CancellationToken));
    }

    internal static User ToMessage(Domain.User user) => new()
    {
        Name = "users/" + user.Id,
        UserName = user.UserName,
        DisplayName = user.DisplayName,
        Role = user.Role,
        OrgType = user.OrgType,
        OrgId = user.OrgId,
        Region = user.Region,
        Disabled = user.Disabled,
        CreateTime = Timestamp.FromDateTimeOffset(user.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(user.UpdatedAt),
        Etag = user.Version.ToString(CultureInfo.InvariantCulture),
    };

    private static Guid ParseName(string name) =>
        name.StartsWith("users/", StringComparison.Ordinal) && Guid.TryParse(name.AsSpan(6), out var id)
            ? id
            : throw new ValidationFailedException("name", $"'{name}' is not a user resource name; expected users/{{uuid}}.");

    private static uint? ParseEtag(string etag) =>
        string.IsNullOrEmpty(etag) ? null
        : uint.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : throw new ValidationFailedException("etag", "The etag is not one this service returned.");

    private static string EncodePageToken(string lastUserName) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("after:" + lastUserName));

    private static string? DecodePageToken(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("after:", StringComparison.Ordinal))
            {
                return text[6..];
            }
        }
        catch (FormatException)
        {
        }
        throw new ValidationFailedException("page_token", "The page token is not one this service returned.");
    }
}
