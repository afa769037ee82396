using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Messaging.Tests.Infrastructure;

/// <summary>A tiny service database: pledges (the state changes that raise events), receipts (a consumer's effect), outbox, inbox.</summary>
public sealed class TestDb(DbContextOptions<TestDb> options) : DbContext(options)
{
    public DbSet<Pledge> Pledges => Set<Pledge>();
    public DbSet<Receipt> Receipts => Set<Receipt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Pledge>(e =>
        {
            e.ToTable("pledges");
            e.HasKey(p => p.Id);
        });
        modelBuilder.Entity<Receipt>(e =>
        {
            e.ToTable("receipts");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).UseIdentityAlwaysColumn();
            e.Property(r => r.Kind).HasMaxLength(100);
            // Deliberately no unique index on the pledge: only the inbox may stop a duplicate effect.
        });
        modelBuilder.AddOutboxInbox();
    }

    public static DbContextOptions<TestDb> Options(string connectionString) =>
        new DbContextOptionsBuilder<TestDb>().UseNpgsql(connectionString).Options;
}
