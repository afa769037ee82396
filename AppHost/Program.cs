using DonationRegistry.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

// The whole system — PostgreSQL, RabbitMQ, every service and the Portal — declared once in Hosting/DonationRegistrySystem.cs, which
// the system tests and bench/Load start too (without the Portal and demo data, on a throw-away cluster).
DonationRegistrySystem.Add(builder, new SystemOptions());

await builder.Build().RunAsync();
