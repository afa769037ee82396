namespace DonationRegistry.Hosting;

/// <summary>
/// The DonationRegistry system as one resource graph, declared once for every way it is started — the AppHost (AppHost/Program.cs,
/// <c>./start.sh</c>), the system tests and bench/Load: one private PostgreSQL cluster with a database per service, one RabbitMQ node,
/// and every service as its own process with its references, waits, generated keys and settings.
/// </summary>
public static class DonationRegistrySystem
{
    /// <summary>The services every start waits to be healthy (the Portal, when started, is not waited for).</summary>
    public static IReadOnlyList<string> Services { get; } = ["identity", "registration", "hsc", "organcoordination", "familycare"];

    public static SystemResources Add(DistributedApplicationBuilder builder, SystemOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var seed = options.SeedDemoData ? "true" : "false";
        var postgres = builder.AddPostgres("postgres", durable: options.Durable);
        var identityDb = postgres.AddDatabase("identitydb");
        var registrationDb = postgres.AddDatabase("registrationdb");
        var hscDb = postgres.AddDatabase("hscdb");
        var organDb = postgres.AddDatabase("organdb");
        var familyCareDb = postgres.AddDatabase("familycaredb");
        var messaging = builder.AddRabbitMQ("messaging");

        var identity = builder.AddProject("identity", "../services/Identity/Identity.csproj")
            .WithReference(identityDb).WaitFor(identityDb)
            .WithEnvironment("Identity__KeysPath", Path.Combine(builder.DataPath, "identity", "keys"));

        // Registration seeds its demo points (and volunteers) in every start: the demo clerk's point lives there.
        var registration = builder.AddProject("registration", "../services/Registration/Registration.csproj")
            .WithReference(registrationDb).WaitFor(registrationDb)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(identity).WaitFor(identity)
            .WithEnvironment("PersonalData__EncryptionKey", GeneratedSecrets.GetOrCreate(builder.DataPath, "registration-id-encryption-key"))
            .WithEnvironment("PersonalData__HashKey", GeneratedSecrets.GetOrCreate(builder.DataPath, "registration-id-hash-key"))
            .WithEnvironment("Registration__SeedDemoData", "true");

        // HSC: the donor pool and search; the IMGT/HLA release is read in place from the shared data beside the repository.
        var hsc = builder.AddProject("hsc", "../services/Hsc/Hsc.csproj")
            .WithReference(hscDb).WaitFor(hscDb)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(identity).WaitFor(identity)
            .WithEnvironment("Hla__ImgtFolder", Path.GetFullPath(Path.Combine(builder.RepositoryRoot, "..", "shared", "data", "imgt", "3.58.0")))
            .WithEnvironment("Hsc__SeedDemoData", seed);

        // OrganCoordination: organ, body and tissue donation cases; asks the registry (Registration, gRPC) with its own client token.
        var organCoordination = builder.AddProject("organcoordination", "../services/OrganCoordination/OrganCoordination.csproj")
            .WithReference(organDb).WaitFor(organDb)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(identity).WaitFor(identity)
            .WithReference(registration).WaitFor(registration)
            .WithEnvironment("PersonalData__EncryptionKey", GeneratedSecrets.GetOrCreate(builder.DataPath, "organcoordination-id-encryption-key"))
            .WithEnvironment("PersonalData__HashKey", GeneratedSecrets.GetOrCreate(builder.DataPath, "organcoordination-id-hash-key"))
            .WithEnvironment("OrganCoordination__SeedDemoData", seed);

        // FamilyCare (小桔灯): donor families, student aid, care visits; referrals arrive as completion events over the broker.
        var familyCare = builder.AddProject("familycare", "../services/FamilyCare/FamilyCare.csproj")
            .WithReference(familyCareDb).WaitFor(familyCareDb)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(identity).WaitFor(identity)
            .WithEnvironment("FamilyCare__SeedDemoData", seed);

        // Portal: the web UI (no gRPC endpoint of its own); signs users in at Identity and calls the services with their tokens.
        var portal = options.WithPortal
            ? builder.AddProject("portal", "../services/Portal/Portal.csproj", grpc: false)
                .WithReference(identity).WaitFor(identity)
                .WithReference(registration).WaitFor(registration)
                .WithReference(hsc).WithReference(familyCare).WithReference(organCoordination)
            : null;

        return new SystemResources(postgres, messaging, identity, registration, hsc, organCoordination, familyCare, portal);
    }
}
