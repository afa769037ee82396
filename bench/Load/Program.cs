using DonationRegistry.Load;

// Load generator (issue 9): the whole system, a mixed load for a fixed time, end-to-end event latency, pgbench -N, optional fault.
var options = LoadOptions.Parse(args);
var machine = Machine.Describe();
Console.WriteLine($"Machine: {machine}; load average {Machine.LoadAverage()}");

await using var system = await TargetSystem.OpenAsync(options);                 // started here, or a running AppHost
var callers = await LoadCallers.SignInAsync(system);                            // demo users' tokens, the clerk's point
await LoadRun.WarmUpAsync(system, callers, options);
await using var run = await LoadRun.MeasureAsync(system, callers, options);     // the mix, the fault, CPU per part, event latency
var pgbench = options.PgbenchSeconds > 0                                        // the same PostgreSQL, right after
    ? await Pgbench.RunAsync(system.ConnectionString("postgres"), options.Clients, options.PgbenchSeconds)
    : "pgbench not run (--pgbench-seconds 0)";
await LoadReport.PublishAsync(options, LoadReport.Render(options, machine, run, pgbench));
