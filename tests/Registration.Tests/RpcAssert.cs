using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Registration.Tests;

/// <summary>Assertions on gRPC errors: status code, field violations, the state named by FAILED_PRECONDITION.</summary>
public static class RpcAssert
{
    /// <summary>Awaits <paramref name="call"/>, asserts it fails with <paramref name="code"/> and returns the exception.</summary>
    public static async Task<RpcException> FailsAsync(StatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(ex.StatusCode == code, $"Expected {code}, got {ex.StatusCode}: {ex.Status.Detail}");
        return ex;
    }

    /// <summary>Asserts INVALID_ARGUMENT with a field violation on <paramref name="field"/>; returns every violated field.</summary>
    public static async Task<IReadOnlyList<string>> InvalidAsync(string field, Func<Task> call)
    {
        var ex = await FailsAsync(StatusCode.InvalidArgument, call);
        var fields = Violations(ex);
        Assert.True(fields.Contains(field), $"Expected a violation of {field}; got: {string.Join(", ", fields)} ({ex.Status.Detail})");
        return fields;
    }

    /// <summary>Asserts FAILED_PRECONDITION whose message and ErrorInfo name <paramref name="state"/>.</summary>
    public static async Task IllegalAsync(string state, Func<Task> call)
    {
        var ex = await FailsAsync(StatusCode.FailedPrecondition, call);
        Assert.Contains(state, ex.Status.Detail, StringComparison.Ordinal);
        var info = ex.GetRpcStatus()?.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal(state, info.Metadata["state"]);
    }

    public static IReadOnlyList<string> Violations(RpcException ex) =>
        ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
}
