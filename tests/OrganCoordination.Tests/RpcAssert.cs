using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>Assertions on gRPC errors: status code, field violations, the state named by FAILED_PRECONDITION.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> FailsAsync(StatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(ex.StatusCode == code, $"Expected {code}, got {ex.StatusCode}: {ex.Status.Detail}");
        return ex;
    }

    public static async Task<IReadOnlyList<string>> InvalidAsync(string field, Func<Task> call)
    {
        var ex = await FailsAsync(StatusCode.InvalidArgument, call);
        var fields = ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
        Assert.True(fields.Contains(field), $"Expected a violation of {field}; got: {string.Join(", ", fields)} ({ex.Status.Detail})");
        return fields;
    }

    public static async Task IllegalAsync(string state, Func<Task> call)
    {
        var ex = await FailsAsync(StatusCode.FailedPrecondition, call);
        Assert.Contains(state, ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(state, ex.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Metadata["state"]);
    }
}
