using DonationRegistry.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var identityDb = postgres.AddDatabase("identitydb");
var registrationDb = postgres.AddDatabase("registrationdb");
var hscDb = postgres.AddDatabase("hscdb");
var organDb = postgres.AddDatabase("organdb");
var familyCareDb = postgres.AddDatabase("familycaredb");
var messaging = builder.AddRabbitMQ("messaging");

var identity = builder.AddProject("identity", "../services/Identity/Identity.csproj")
    .WithReference(identityDb).WaitFor(identityDb)
    .WithEnvironment("Identity__KeysPath", Path.Combine(builder.DataPath, "identity", "keys"));

var registration = builder.AddProject("registration", "../services/Registration/Registration.csproj")
    .WithReference(registrationDb).WaitFor(registrationDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(identity).WaitFor(identity)
    .WithEnvironment("PersonalData__EncryptionKey", GeneratedSecrets.GetOrCreate(builder.DataPath, "registration-id-encryption-key"))
    .WithEnvironment("PersonalData__HashKey", GeneratedSecrets.GetOrCreate(builder.DataPath, "registration-id-hash-key"))
    .WithEnvironment("Registration__SeedDemoData", "true");

// HSC: the donor pool and search; the IMGT/HLA release is read in place from the shared data beside the repository.
builder.AddProject("hsc", "../services/Hsc/Hsc.csproj")
    .WithReference(hscDb).WaitFor(hscDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(identity).WaitFor(identity)
    .WithEnvironment("Hla__ImgtFolder", Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "..", "shared", "data", "imgt", "3.58.0")))
    .WithEnvironment("Hsc__SeedDemoData", "true");

// OrganCoordination: organ, body and tissue donation cases; asks the registry (Registration, gRPC) with its own client token.
var organCoordination = builder.AddProject("organcoordination", "../services/OrganCoordination/OrganCoordination.csproj")
    .WithReference(organDb).WaitFor(organDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(identity).WaitFor(identity)
    .WithReference(registration).WaitFor(registration)
    .WithEnvironment("PersonalData__EncryptionKey", GeneratedSecrets.GetOrCreate(builder.DataPath, "organcoordination-id-encryption-key"))
    .WithEnvironment("PersonalData__HashKey", GeneratedSecrets.GetOrCreate(builder.DataPath, "organcoordination-id-hash-key"))
    .WithEnvironment("OrganCoordination__SeedDemoData", "true");

// FamilyCare (小桔灯): donor families, student aid, care visits; referrals arrive as completion events over the broker.
var familyCare = builder.AddProject("familycare", "../services/FamilyCare/FamilyCare.csproj")
    .WithReference(familyCareDb).WaitFor(familyCareDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(identity).WaitFor(identity);

// Portal: the web UI (no gRPC endpoint of its own); signs users in at Identity and calls the services with their tokens.
builder.AddProject("portal", "../services/Portal/Portal.csproj", grpc: false)
    .WithReference(identity).WaitFor(identity)
    .WithReference(registration).WaitFor(registration)
    .WithReference(familyCare).WithReference(organCoordination);

await builder.Build().RunAsync();
