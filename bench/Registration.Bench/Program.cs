using DonationRegistry.Registration.Bench;

// Registration benchmark (issue #3; docs/benchmarks.md has the command, the options and the results). Everything it starts is
// private to this run and removed at the end.
var options = BenchOptions.Parse(args);
Console.WriteLine($"Registration bench: {options}");

await using var environment = await BenchEnvironment.StartAsync(options);   // durable PostgreSQL, RabbitMQ, Identity, Registration
var accounts = await BenchAccounts.PrepareAsync(environment);                 // tokens, an active point with the clerk on its staff
using var load = new LoadRunner(options, environment, accounts);              // one gRPC channel per client

await load.WarmUpAsync();
// Rounds alternate the service and pgbench, so a slow spell of the machine's disk or CPU falls on both; the median round is reported.
var rounds = new List<BenchRound>();
for (var round = 1; round <= options.Rounds; round++)
{
    var run = await MeasuredRun.RunAsync(options, environment, load);         // registrations/s, latency, CPU and commits per request
    if (options.PgbenchSeconds == 0)
    {
        return 0;                                                             // --pgbench-seconds 0: CPU per request only, for profiling
    }
    var pgbench = await PgbenchRun.RunAsync(environment.Postgres, options);   // pgbench -N on the same server, same run
    rounds.Add(new BenchRound(run, pgbench));
    Console.WriteLine($"Round {round}: {rounds[^1].Ratio:P1} of pgbench");
}

var report = BenchReport.Format(options, options.Command, load.Operation, rounds);
Console.WriteLine();
Console.WriteLine(report);
if (options.WriteTo is { } file)
{
    BenchReport.WriteSection(file, report);
    Console.WriteLine($"Written to {file}");
}
return 0;
