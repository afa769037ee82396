using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace DonationRegistry.Load;

/// <summary>
/// End-to-end event latency: from the moment Registration acknowledged an HSC enrolment (its transaction, event in the outbox,
/// had committed) until the donor is visible in Hsc's own database (the event crossed the relay, RabbitMQ and Hsc's consumer).
/// Polls Hsc's <c>donors</c> table every 50 ms for the pending volunteer ids, so a latency is exact to about 50 ms.
/// </summary>
internal sealed class EventLatencyProbe(string hscDatabase) : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private readonly ConcurrentDictionary<Guid, long> _pending = new();
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public void Start() => _loop = Task.Run(() => PollAsync(_stop.Token));

    public void Acknowledged(Guid volunteerId) => _pending[volunteerId] = Stopwatch.GetTimestamp();

    public int Seen => _latencies.Count;

    public int Pending => _pending.Count;

    public double Percentile(double p) => Percentiles.Of([.. _latencies], p);

    /// <summary>Waits until every acknowledged enrolment arrived or <paramref name="within"/> passed.</summary>
    public async Task DrainAsync(TimeSpan within)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(within.TotalSeconds * Stopwatch.Frequency);
        while (!_pending.IsEmpty && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(PollInterval);
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var ids = _pending.Keys.Take(10_000).ToArray();
                if (ids.Length > 0)
                {
                    await using var connection = new NpgsqlConnection(hscDatabase);
                    await connection.OpenAsync(cancellationToken);
                    await using var command = new NpgsqlCommand("SELECT \"Id\" FROM donors WHERE \"Id\" = ANY(@ids)", connection);
                    command.Parameters.AddWithValue("ids", ids);
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    var now = Stopwatch.GetTimestamp();
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        if (_pending.TryRemove(reader.GetGuid(0), out var acknowledged))
                        {
                            _latencies.Add(Stopwatch.GetElapsedTime(acknowledged, now).TotalMilliseconds);
                        }
                    }
                }
                await Task.Delay(PollInterval, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException)
            {
                // PostgreSQL restarting (a fault scenario): poll again.
                await Task.Delay(PollInterval * 10, CancellationToken.None);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
        _stop.Dispose();
    }
}
