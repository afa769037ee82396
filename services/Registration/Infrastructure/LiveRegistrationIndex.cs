using DonationRegistry.Registration.Domain.Registrations;

namespace DonationRegistry.Registration.Infrastructure;

/// <summary>
/// The database's guard of "one live registration per person and programme": a partial unique index the migrations create, and
/// whose violation the application maps to ALREADY_EXISTS.
/// </summary>
public static class LiveRegistrationIndex
{
    public const string Name = "ux_registrations_live_person";

    public static string CreateSql =>
        $"CREATE UNIQUE INDEX {Name} ON registrations (id_number_hash, \"Programme\") WHERE \"Status\" IN ({string.Join(", ", RegistrationLifecycle.Live.Select(s => (int)s))});";

    public static string DropSql => $"DROP INDEX IF EXISTS {Name};";
}
