using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using DonationRegistry.Registration.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace DonationRegistry.Registration.Bench;

/// <summary>
/// The clients: one task per channel (one HTTP/2 connection each, as 8 clerks' desks would have), each calling until the shared
/// count of requests is used up. A request is CreateRegistration of a new synthetic person (or, by option, the whole lifecycle or
/// the GetStatistics baseline); latency is per request, measured at the client.
/// </summary>
internal sealed class LoadRunner : IDisposable
{
    private readonly BenchOptions _options;
    private readonly string _pointName;
    private readonly (GrpcChannel Channel, Metadata Headers)[] _clerks;
    private readonly (GrpcChannel Channel, Metadata Headers) _officer;
    private readonly PersonSource _people = new();

    public LoadRunner(BenchOptions options, BenchEnvironment environment, BenchAccounts accounts)
    {
        _options = options;
        _pointName = accounts.PointName;
        _clerks = [.. Enumerable.Range(0, options.Clients).Select(_ => BenchChannel.Open(environment.RegistrationGrpc, accounts.ClerkToken))];
        _officer = BenchChannel.Open(environment.RegistrationGrpc, accounts.OfficerToken);
    }

    public string Operation => _options.Statistics ? "GetStatistics as the clerk (baseline: authenticated rpc, two small reads, no write)"
        : _options.Lifecycle ? "CreateRegistration + RecordWitnessing + ForwardRegistration + ConfirmRegistration (one \"registration\")"
        : "CreateRegistration (AUTHORISED_POINT → Draft)";

    /// <summary>At least --warmup requests, then more rounds until tiered JIT has settled: on a busy machine the background
    /// re-compilation lags behind, and CPU per request measured while it runs counts the JIT, not the service. Measured on the quiet
    /// machine: after 6,000 requests 1,800–3,200 methods were still compiled during the measured run (26–36 % of pgbench), after
    /// 20,000 about 230 (41 %); a service in production has long passed that point.</summary>
    public async Task WarmUpAsync()
    {
        Console.WriteLine($"Warm-up: {_options.Warmup} requests, then until the JIT is quiet");
        await RunAsync(_options.Warmup);
        for (var round = 1; round <= 10; round++)
        {
            var before = System.Runtime.JitInfo.GetCompiledMethodCount();
            var requests = Math.Max(500, _options.Warmup / 10);
            await RunAsync(requests);
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - before;
            Console.WriteLine($"  warm-up round {round}: {compiled} methods compiled in {requests} requests");
            if (compiled < requests / 50)
            {
                return;
            }
        }
    }

    public async Task<LatencyStats> RunAsync(int requests)
    {
        var latencies = new List<double>[_clerks.Length];
        var failures = 0;
        var remaining = requests;
        var elapsed = Stopwatch.StartNew();
        await Task.WhenAll(_clerks.Select((clerk, i) => Task.Run(async () =>
        {
            var mine = latencies[i] = new List<double>(requests / _clerks.Length + 1);
            var registrations = new Registrations.RegistrationsClient(clerk.Channel);
            var officer = new Registrations.RegistrationsClient(_officer.Channel);
            var statistics = new RegistrationStatistics.RegistrationStatisticsClient(clerk.Channel);
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await OneRequestAsync(registrations, officer, statistics, clerk.Headers);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (RpcException ex)
                {
                    if (Interlocked.Increment(ref failures) <= 5)
                    {
                        Console.WriteLine($"  failed: {ex.Status}");
                    }
                }
            }
        })));
        elapsed.Stop();
        return LatencyStats.From([.. latencies.SelectMany(l => l)], failures, elapsed.Elapsed);
    }

    private async Task OneRequestAsync(Registrations.RegistrationsClient registrations, Registrations.RegistrationsClient officer,
        RegistrationStatistics.RegistrationStatisticsClient statistics, Metadata headers)
    {
        if (_options.Statistics)
        {
            // Baseline: an authenticated rpc doing two small reads and no write (gRPC + JWT + EF query cost).
            await statistics.GetStatisticsAsync(new GetStatisticsRequest { Level = RegionLevel.Point, Granularity = Granularity.Year }, headers);
            return;
        }
        var created = await registrations.CreateRegistrationAsync(_people.NextRequest(_pointName), headers);
        if (_options.Lifecycle)
        {
            created = await registrations.RecordWitnessingAsync(new RecordWitnessingRequest
            {
                Name = created.Name, Etag = created.Etag,
                Witnessing = new Witnessing { FamilyInformed = true, LetterSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Name))) },
            }, headers);
            created = await registrations.ForwardRegistrationAsync(new ForwardRegistrationRequest { Name = created.Name, Etag = created.Etag }, headers);
            await officer.ConfirmRegistrationAsync(new ConfirmRegistrationRequest { Name = created.Name, Etag = created.Etag }, _officer.Headers);
        }
    }

    public void Dispose()
    {
        foreach (var (channel, _) in _clerks)
        {
            channel.Dispose();
        }
        _officer.Channel.Dispose();
    }
}
