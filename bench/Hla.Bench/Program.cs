using DonationRegistry.Hla.Bench;

// dotnet run -c Release --project bench/Hla.Bench -- [--donors 95000] [--patients 100] [--seed 4] [--imgt <release folder>]
//     [--page-size 20] [--parallelism 2]
var options = BenchOptions.Parse(args);
if (options is null) return 2;
return SearchBench.Run(options, Console.Out);
