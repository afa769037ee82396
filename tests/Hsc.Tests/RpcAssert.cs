using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Hsc.Tests;

/// <summary>Assertions on gRPC errors: status code, field violations, the state named by FAILED_PRECONDITION.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> FailsAsync(StatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(ex.StatusCode == code, $"Expected {code}, got {ex.StatusCode}: {ex.Status.Detail}");
        return ex;
    }

    /// <summary>Asserts INVALID_ARGUMENT with a violation whose field starts with <paramref name="field"/> and whose description
    /// contains <paramref name="token"/>; returns the violations.</summary>
    public static async Task<IReadOnlyList<BadRequest.Types.FieldViolation>> InvalidAsync(string field, string? token, Func<Task> call)
    {
        var ex = await FailsAsync(StatusCode.InvalidArgument, call);
        var violations = ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.ToList() ?? [];
        Assert.True(violations.Any(v => v.Field.StartsWith(field, StringComparison.Ordinal)
                && (token is null || v.Description.Contains(token, StringComparison.Ordinal))),
            $"Expected a violation of {field} naming '{token}'; got: {string.Join("; ", violations.Select(v => v.Field + ": " + v.Description))}");
        return violations;
    }

    public static async Task IllegalAsync(string state, Func<Task> call)
    {
        var ex = await FailsAsync(StatusCode.FailedPrecondition, call);
        Assert.Contains(state, ex.Status.Detail, StringComparison.Ordinal);
    }
}
