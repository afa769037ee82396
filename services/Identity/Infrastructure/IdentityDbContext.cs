using DonationRegistry.Identity.Domain;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Identity.Infrastructure;

/// <summary>The Identity database: our users plus OpenIddict's applications, authorizations, scopes and tokens.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // OpenIddict's entities (registered by UseOpenIddict on the options) keep their default table names.
        modelBuilder.UseOpenIddict();
        modelBuilder.ApplyConfiguration(new UserConfiguration());
    }
}
