using DonationRegistry.Common.Auditing;
using DonationRegistry.FamilyCare.Domain.Aid;
using DonationRegistry.FamilyCare.Domain.Families;
using DonationRegistry.FamilyCare.Domain.Visits;
using DonationRegistry.Messaging;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.FamilyCare.Infrastructure;

/// <summary>The FamilyCare service's own database (familycaredb).</summary>
public sealed class FamilyCareDbContext(DbContextOptions<FamilyCareDbContext> options) : DbContext(options)
{
    public DbSet<Family> Families => Set<Family>();
    public DbSet<AidFund> Funds => Set<AidFund>();
    public DbSet<FundBudget> Budgets => Set<FundBudget>();
    public DbSet<StudentAid> AidCases => Set<StudentAid>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<StaffMember> Staff => Set<StaffMember>();
    public DbSet<StaffBooking> Bookings => Set<StaffBooking>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FamilyCareDbContext).Assembly);
        modelBuilder.AddOutboxInbox();
        modelBuilder.AddAuditLog();
    }
}
