using DonationRegistry.Hsc.IndexLoad;

// dotnet run -c Release --project bench/Hsc.IndexLoad -- [--donors 3500000] [--runs 3] [--seed 4] [--data <folder>]
//     [--imgt <release folder>] [--write docs/benchmarks.md]
var options = IndexLoadOptions.Parse(args);
if (options is null) return 2;
return await IndexLoadBench.RunAsync(options, Console.Out);
