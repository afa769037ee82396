using DonationRegistry.Hosting;

namespace DonationRegistry.SystemTests;

/// <summary>
/// The system as the AppHost runs it (AppHost/Program.cs), built with the same resource code: one PostgreSQL cluster (fsync off, it is
/// thrown away), one RabbitMQ node, and every service but the Portal, each a process of its own. Registration seeds its demo data
/// (the demo clerk's point); FamilyCare does not (the journeys look for their own rows).
/// </summary>
public static class SystemGraph
{
    public static readonly string[] Services = ["identity", "registration", "hsc", "organcoordination", "familycare"];

    public static void Add(DistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres", durable: false);
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

        var hsc = builder.AddProject("hsc", "../services/Hsc/Hsc.csproj")
            .WithReference(hscDb).WaitFor(hscDb)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(identity).WaitFor(identity)
            .WithEnvironment("Hla__ImgtFolder", Path.GetFullPath(Path.Combine(builder.RepositoryRoot, "..", "shared", "data", "imgt", "3.58.0")));
        // The HSC journey's case is Hangzhou's; appsettings.json has a fee standard for Ningbo only (and only for 2026). The
        // Shanghai year may be one ahead of UTC's.
        foreach (var year in new[] { DateTime.UtcNow.Year, DateTime.UtcNow.Year + 1 })
        {
            hsc.WithEnvironment($"Collection__Cities__330100__FeeStandards__{year}__DonorSubsidy", "300000");
        }

        builder.AddProject("organcoordination", "../services/OrganCoordination/OrganCoordination.csproj")
            .WithReference(organDb).WaitFor(organDb)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(identity).WaitFor(identity)
            .WithReference(registration).WaitFor(registration)
            .WithEnvironment("PersonalData__EncryptionKey", GeneratedSecrets.GetOrCreate(builder.DataPath, "organcoordination-id-encryption-key"))
            .WithEnvironment("PersonalData__HashKey", GeneratedSecrets.GetOrCreate(builder.DataPath, "organcoordination-id-hash-key"));

        builder.AddProject("familycare", "../services/FamilyCare/FamilyCare.csproj")
            .WithReference(familyCareDb).WaitFor(familyCareDb)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(identity).WaitFor(identity)
            .WithEnvironment("FamilyCare__SeedDemoData", "false");
    }
}
