using DonationRegistry.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var identityDb = postgres.AddDatabase("identitydb");
var messaging = builder.AddRabbitMQ("messaging");

var identity = builder.AddProject("identity", "../services/Identity/Identity.csproj")
    .WithReference(identityDb).WaitFor(identityDb)
    .WithEnvironment("Identity__KeysPath", Path.Combine(builder.DataPath, "identity", "keys"));

// Business services come in later issues, each with its own database, e.g.:
// var registrationDb = postgres.AddDatabase("registrationdb");
// var registration = builder.AddProject("registration", "../services/Registration/Registration.csproj")
//     .WithReference(registrationDb).WaitFor(registrationDb).WithReference(messaging).WaitFor(messaging)
//     .WithReference(identity).WaitFor(identity);

await builder.Build().RunAsync();
