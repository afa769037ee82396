using DonationRegistry.Messaging;
using DonationRegistry.OrganCoordination.Domain.BodyCases;
using DonationRegistry.OrganCoordination.Domain.Credentials;
using DonationRegistry.OrganCoordination.Domain.Memorials;
using DonationRegistry.OrganCoordination.Domain.OrganCases;
using DonationRegistry.OrganCoordination.Domain.ReceivingUnits;
using DonationRegistry.OrganCoordination.Domain.TissueCases;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.OrganCoordination.Infrastructure;

/// <summary>The OrganCoordination service's own database (organdb).</summary>
public sealed class OrganDbContext(DbContextOptions<OrganDbContext> options) : DbContext(options)
{
    public DbSet<OrganDonationCase> OrganCases => Set<OrganDonationCase>();
    public DbSet<CoordinatorCredential> Credentials => Set<CoordinatorCredential>();
    public DbSet<BodyDonationCase> BodyCases => Set<BodyDonationCase>();
    public DbSet<TissueDonationCase> TissueCases => Set<TissueDonationCase>();
    public DbSet<ReceivingUnit> ReceivingUnits => Set<ReceivingUnit>();
    public DbSet<MemorialRecord> Memorials => Set<MemorialRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrganDbContext).Assembly);
        modelBuilder.AddOutboxInbox();
        modelBuilder.AddAuditLog();
    }
}
