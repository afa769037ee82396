using Google.Rpc;
using Grpc.Core;

namespace DonationRegistry.Portal.Infrastructure;

/// <summary>
/// What a failed call means for the person at the screen: a short message, and the field violations of google.rpc.BadRequest
/// keyed by field path (as in the proto, e.g. <c>registration.person.id_number</c>) to show next to the right field.
/// </summary>
public sealed class RpcProblem
{
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);

    public StatusCode Code { get; private init; }

    /// <summary>The service's own description (never a stack trace: services send none).</summary>
    public string Detail { get; private init; } = "";

    public IReadOnlyDictionary<string, string> Fields => _fields;

    /// <summary>The service's Chinese sentence for people (google.rpc.LocalizedMessage, zh-CN), when it sent one.</summary>
    public string? LocalizedMessage { get; private init; }

    public static RpcProblem From(RpcException ex)
    {
        var status = ex.GetRpcStatus();
        var problem = new RpcProblem { Code = ex.StatusCode, Detail = ex.Status.Detail, LocalizedMessage = status?.GetDetail<LocalizedMessage>()?.Message };
        var badRequest = status?.GetDetail<BadRequest>();
        if (badRequest is not null)
        {
            foreach (var violation in badRequest.FieldViolations)
            {
                problem._fields[violation.Field] = problem._fields.TryGetValue(violation.Field, out var earlier)
                    ? earlier + " " + violation.Description
                    : violation.Description;
            }
        }
        return problem;
    }

    /// <summary>The violation of a field, matched on the path's end so forms need not know the request's wrapping message.</summary>
    public string? For(string fieldPath)
    {
        foreach (var (field, text) in _fields)
        {
            if (field == fieldPath || field.EndsWith("." + fieldPath, StringComparison.Ordinal))
            {
                return text;
            }
        }
        return null;
    }

    /// <summary>The localisation key of the message for this status (Text.resx "Error.*").</summary>
    public string MessageKey => Code switch
    {
        StatusCode.InvalidArgument => "Error.InvalidArgument",
        StatusCode.PermissionDenied => "Error.PermissionDenied",
        StatusCode.Unauthenticated => "Error.Unauthenticated",
        StatusCode.NotFound => "Error.NotFound",
        StatusCode.FailedPrecondition => "Error.FailedPrecondition",
        StatusCode.Aborted => "Error.Aborted",
        StatusCode.AlreadyExists => "Error.AlreadyExists",
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => "Error.Unavailable",
        StatusCode.ResourceExhausted => "Error.ResourceExhausted",
        _ => "Error.Unexpected",
    };
}
