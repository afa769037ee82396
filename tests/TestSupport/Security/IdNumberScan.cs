using System.Collections.Concurrent;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.TestSupport.Security;

/// <summary>
/// The ID-number leak scan of issue #9, one for every service: a walk through a service names the ID numbers it uses
/// (<see cref="Use"/>) and keeps the answers it gets (<see cref="Response{T}"/>, <see cref="RefusalAsync"/>); the service logs into
/// <see cref="Logs"/> and a <see cref="BrokerTap"/> collects the events (<see cref="ScannedService{TEntryPoint}"/> sets both up);
/// <see cref="AssertNoLeaks"/> then fails naming every log line, event or answer that shows an ID number
/// (<see cref="IdNumberLeaks"/>: whole, or more of it than masking shows).
/// </summary>
public sealed class IdNumberScan
{
    private readonly ConcurrentQueue<string> _idNumbers = new();
    private readonly ConcurrentQueue<string> _responses = new();

    /// <summary>The service's log lines (message, state values, scopes, exception text).</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>Notes <paramref name="idNumber"/> as one to look for, and returns it.</summary>
    public string Use(string idNumber)
    {
        _idNumbers.Enqueue(idNumber);
        return idNumber;
    }

    /// <summary>Keeps the text of <paramref name="response"/> (a protobuf message prints as JSON), and returns it.</summary>
    public T Response<T>(T response) where T : notnull
    {
        _responses.Enqueue(response.ToString() ?? "");
        return response;
    }

    /// <summary>
    /// Asserts that <paramref name="call"/> is refused and keeps all the caller learns from the refusal: status, message, text
    /// trailers and the details (field violations, localized message, error info).
    /// </summary>
    public async Task<RpcException> RefusalAsync(Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        var details = ex.GetRpcStatus()?.Details.Select(d =>
            d.TryUnpack<BadRequest>(out var badRequest) ? badRequest.ToString()
            : d.TryUnpack<LocalizedMessage>(out var localized) ? localized.ToString()
            : d.TryUnpack<ErrorInfo>(out var info) ? info.ToString()
            : d.ToString()) ?? [];
        _responses.Enqueue($"{ex.StatusCode} {ex.Status.Detail} {string.Join(" ", ex.Trailers.Where(t => !t.IsBinary).Select(t => t.Value))} " +
            string.Join(" ", details));
        return ex;
    }

    /// <summary>Fails naming each log line, event (of <paramref name="events"/>) or kept answer that shows a noted ID number.</summary>
    public void AssertNoLeaks(IEnumerable<string> events)
    {
        Assert.NotEmpty(Logs.Lines);
        Assert.NotEmpty(_idNumbers);
        var leaks = IdNumberLeaks.Find(
            [.. Logs.Lines.Select(l => "log: " + l), .. events.Select(e => "event: " + e), .. _responses.Select(r => "response: " + r)],
            [.. _idNumbers]);
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }
}
