using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.TestSupport;

/// <summary>Assertions on gRPC refusals: the status code, the field violations of INVALID_ARGUMENT, the state named by
/// FAILED_PRECONDITION.</summary>
public static class RpcAssert
{
    /// <summary>Awaits <paramref name="call"/>, asserts it fails with <paramref name="code"/> and returns the exception.</summary>
    public static async Task<RpcException> FailsAsync(StatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(ex.StatusCode == code, $"Expected {code}, got {ex.StatusCode}: {ex.Status.Detail}");
        return ex;
    }

    /// <summary>Asserts INVALID_ARGUMENT with a violation of <paramref name="field"/> (or of a field inside it, such as
    /// "csv.rows[1].A_1" for "csv.rows[1]"); returns every violated field.</summary>
    public static Task<IReadOnlyList<string>> InvalidAsync(string field, Func<Task> call) => InvalidAsync(field, null, call);

    /// <summary>As <see cref="InvalidAsync(string, Func{Task})"/>, and the violation's description names <paramref name="token"/>
    /// (the offending value) when one is given.</summary>
    public static async Task<IReadOnlyList<string>> InvalidAsync(string field, string? token, Func<Task> call)
    {
        var ex = await FailsAsync(StatusCode.InvalidArgument, call);
        var violations = ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.ToList() ?? [];
        Assert.True(violations.Any(v => IsWithin(v.Field, field) && (token is null || v.Description.Contains(token, StringComparison.Ordinal))),
            $"Expected a violation of {field}{(token is null ? "" : $" naming '{token}'")}; got: " +
            $"{string.Join("; ", violations.Select(v => v.Field + ": " + v.Description))} ({ex.Status.Detail})");
        return [.. violations.Select(v => v.Field)];
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

    /// <summary>The fields named by the refusal's field violations.</summary>
    public static IReadOnlyList<string> Violations(RpcException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
    }

    private static bool IsWithin(string violated, string field) =>
        violated == field
        || (violated.StartsWith(field, StringComparison.Ordinal) && violated[field.Length] is '.' or '[');
}
