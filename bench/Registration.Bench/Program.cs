using DonationRegistry.Registration.Bench;

// Registration benchmark (issue #3; docs/benchmarks.md has the command, the options and the results). Everything it starts is
// private to this run and removed at the end.
var options = BenchOptions.Parse(args);
Console.WriteLine($"Registration bench: {options}");

await using var environment = await BenchEnvironment.StartAsync(options);   // durable PostgreSQL, RabbitMQ, Identity, Registration
var accounts = await BenchAccounts.PrepareAsync(environment);                 // tokens, an active point with the clerk on its staff
using var load = new LoadRunner(options, environment, accounts);              // one gRPC channel per client

await load.WarmUpAsync();
var run = await MeasuredRun.RunAsync(options, environment, load);             // registrations/s, latency, CPU and commits per request
if (options.PgbenchSeconds == 0)
{
    return 0;                                                                 // --pgbench-seconds 0: CPU per request only, for profiling
}
var pgbench = await PgbenchRun.RunAsync(environment.Postgres, options);       // pgbench -N on the same server, same run
Console.WriteLine($"Ratio: {run.Latency.PerSecond / pgbench.Tps:P1} of pgbench (goal ≥ 40 %)");

var report = BenchReport.Format(options, options.Command, load.Operation, run, pgbench);
Console.WriteLine();
Console.WriteLine(report);
if (options.WriteTo is { } file)
{
    BenchReport.WriteSection(file, report);
    Console.WriteLine($"Written to {file}");
}
return 0;
