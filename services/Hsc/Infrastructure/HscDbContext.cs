using DonationRegistry.Common.Auditing;
using DonationRegistry.Hsc.Domain.Donors;
using DonationRegistry.Hsc.Domain.Requests;
using DonationRegistry.Hsc.Domain.Searches;
using DonationRegistry.Hsc.Domain.Typings;
using DonationRegistry.Messaging;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Hsc.Infrastructure;

/// <summary>The HSC service's own database (hscdb).</summary>
public sealed class HscDbContext(DbContextOptions<HscDbContext> options) : DbContext(options)
{
    public DbSet<Donor> Donors => Set<Donor>();
    public DbSet<TypingRecord> Typings => Set<TypingRecord>();
    public DbSet<SearchRecord> Searches => Set<SearchRecord>();
    public DbSet<DonorRequest> DonorRequests => Set<DonorRequest>();
    public DbSet<Domain.Collection.CollectionCase> CollectionCases => Set<Domain.Collection.CollectionCase>();
    public DbSet<Application.Collection.CollectionReminder> CollectionReminders => Set<Application.Collection.CollectionReminder>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HscDbContext).Assembly);
        modelBuilder.AddOutboxInbox();
        modelBuilder.AddAuditLog();
    }
}
