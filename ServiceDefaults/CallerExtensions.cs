using System.Security.Claims;
using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using Grpc.Core;

namespace DonationRegistry.ServiceDefaults;

/// <summary>Who is calling: read from the access token's claims (ARCHITECTURE.md section 6).</summary>
public sealed record Caller(string Subject, string Role, string? OrgType, string? OrgId, string? Region)
{
    public bool IsInRole(params string[] roles) => roles.Contains(Role, StringComparer.Ordinal);

    /// <summary>Throws PERMISSION_DENIED unless the caller holds one of <paramref name="roles"/>.</summary>
    public Caller Require(params string[] roles) =>
        IsInRole(roles)
            ? this
            : throw new AccessDeniedException(
                $"Role '{Role}' may not do this; allowed roles: {string.Join(", ", roles)}.",
                "您的角色无权执行此操作。");
}

public static class CallerExtensions
{
    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.FindAll(ClaimNames.Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Contains(scope, StringComparer.Ordinal);

    public static Caller ToCaller(this ClaimsPrincipal user)
    {
        var subject = user.FindFirst(ClaimNames.Subject)?.Value;
        var role = user.FindFirst(ClaimNames.Role)?.Value;
        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(role))
        {
            throw new AccessDeniedException("The access token names no subject or role.", "访问令牌缺少用户或角色信息。");
        }
        return new Caller(subject, role, user.FindFirst(ClaimNames.OrgType)?.Value, user.FindFirst(ClaimNames.OrgId)?.Value,
            user.FindFirst(ClaimNames.Region)?.Value);
    }

    /// <summary>The caller as the domain records them on every change and audit row.</summary>
    public static Actor ToActor(this Caller caller) => new(caller.Subject, caller.Role, caller.OrgId, caller.Region);

    /// <summary>The caller of a gRPC call (authentication has already run: the service requires an authenticated user).</summary>
    public static Caller GetCaller(this ServerCallContext context) => context.GetHttpContext().User.ToCaller();
}
