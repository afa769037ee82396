using System.Diagnostics;
using DonationRegistry.Common;
using DonationRegistry.Load;
using DonationRegistry.Registration.V1;
using Grpc.Core;
using Grpc.Net.Client;

// Load generator (issue 9): the whole system, a mixed load for a fixed time, end-to-end event latency, pgbench -N, optional fault.
var options = LoadOptions.Parse(args);
var machine = Machine.Describe();
Console.WriteLine($"Machine: {machine}; load average {Machine.LoadAverage()}");

await using var system = options.Dashboard is { } dashboard ? await TargetSystem.ConnectAsync(dashboard) : await StartAsync(options.Configuration);
var token = await system.TokenAsync("clerk", Scopes.Registration);
var headers = new Metadata { { "Authorization", "Bearer " + token } };
var grpc = system.Endpoint("registration", "grpc");
GrpcChannel NewChannel() => GrpcChannel.ForAddress(grpc, new GrpcChannelOptions
{
    InitialReconnectBackoff = TimeSpan.FromMilliseconds(100), MaxReconnectBackoff = TimeSpan.FromSeconds(1),
});
var point = await ClerkPointAsync();

if (options.Warmup > TimeSpan.Zero)
{
    // The same mix, not measured: the services' JIT and connection pools settle first.
    Console.WriteLine($"Warm-up: {options.Warmup.TotalSeconds:0} s");
    await using var warmProbe = new EventLatencyProbe(system.ConnectionString("hscdb"));
    using var warm = new CancellationTokenSource(options.Warmup);
    await new MixRunner(NewChannel, headers, point, new RpcStats(), warmProbe).RunAsync(options.Clients, options.TargetRate, warm.Token);
}

var stats = new RpcStats();
await using var probe = new EventLatencyProbe(system.ConnectionString("hscdb"));
probe.Start();
var runner = new MixRunner(NewChannel, headers, point, stats, probe);
var loadBefore = Machine.LoadAverage();
Console.WriteLine($"Load: {options.Clients} clients for {options.Duration.TotalSeconds:0} s, " +
    (options.TargetRate > 0 ? $"target {options.TargetRate} calls/s" : "as fast as possible") + (options.Fault is null ? "" : $", fault {options.Fault} at {options.FaultAt.TotalSeconds:0} s"));
using var stop = new CancellationTokenSource(options.Duration);
var watch = Stopwatch.StartNew();
var faultRun = options.Fault is null ? Task.FromResult<string?>(null) : InjectFaultAsync(options.Fault, options.FaultAt, watch);
await runner.RunAsync(options.Clients, options.TargetRate, stop.Token);
var elapsed = watch.Elapsed;
var fault = await faultRun;
var loadAfter = Machine.LoadAverage();
await probe.DrainAsync(TimeSpan.FromSeconds(120));

var pgbench = options.PgbenchSeconds > 0
    ? await DonationRegistry.Load.Pgbench.RunAsync(system.ConnectionString("postgres"), options.Clients, options.PgbenchSeconds)
    : "pgbench not run (--pgbench-seconds 0)";
var report = LoadReport.Render(options, machine, loadBefore, loadAfter, elapsed, stats, probe, pgbench, fault);
Console.WriteLine(report);
if (options.WritePath is not null)
{
    await LoadReport.AppendAsync(options.WritePath, report);
    Console.WriteLine($"Appended to {options.WritePath}.");
}

static async Task<TargetSystem> StartAsync(string configuration)
{
    Console.WriteLine($"Starting the system ({configuration} builds) ...");
    var started = Stopwatch.StartNew();
    var system = await TargetSystem.StartAsync(configuration);
    Console.WriteLine($"System healthy after {started.Elapsed.TotalSeconds:0} s.");
    return system;
}

async Task<string> ClerkPointAsync()
{
    using var channel = NewChannel();
    var points = new RegistrationPoints.RegistrationPointsClient(channel);
    for (var attempt = 0; attempt < 360; attempt++)
    {
        // Registration seeds the demo points in the background after it starts.
        var listed = await points.ListRegistrationPointsAsync(new ListRegistrationPointsRequest(), headers);
        if (listed.Points.FirstOrDefault() is { } found)
        {
            return found.Name;
        }
        await Task.Delay(500);
    }
    throw new InvalidOperationException("The demo clerk's registration point was not seeded.");
}

async Task<string?> InjectFaultAsync(string name, TimeSpan at, Stopwatch clock)
{
    var control = system.Control!;
    await Task.Delay(at);
    var began = clock.Elapsed;
    Console.WriteLine($"fault {name} at {began.TotalSeconds:0.0} s");
    switch (name)
    {
        case "rabbitmq":
            await control.StopRabbitMqForAsync(TimeSpan.FromSeconds(30));
            break;
        case "postgres":
            await control.RestartPostgresAsync();
            break;
        case "hsc-kill":
            await control.KillAsync("hsc");
            await control.RestartAsync("hsc");
            break;
        default:
            await control.KillAsync("registration");
            await control.RestartAsync("registration");
            break;
    }
    var ended = clock.Elapsed;
    Console.WriteLine($"fault {name} over at {ended.TotalSeconds:0.0} s");
    return $"{name} from {began.TotalSeconds:0.0} s to {ended.TotalSeconds:0.0} s of the run (restart included); failed calls are counted above, " +
        "not retried (the system tests retry and reconcile).";
}
