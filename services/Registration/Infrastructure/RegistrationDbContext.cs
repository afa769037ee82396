using DonationRegistry.Messaging;
using DonationRegistry.Common.Auditing;
using DonationRegistry.Registration.Domain.Points;
using DonationRegistry.Registration.Domain.Registrations;
using DonationRegistry.Registration.Domain.Statistics;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Registration.Infrastructure;

/// <summary>The Registration service's own database (registrationdb).</summary>
public sealed class RegistrationDbContext(DbContextOptions<RegistrationDbContext> options) : DbContext(options)
{
    public DbSet<RegistrationPoint> Points => Set<RegistrationPoint>();
    public DbSet<VolunteerRegistration> Registrations => Set<VolunteerRegistration>();
    public DbSet<HscEnrolment> HscEnrolments => Set<HscEnrolment>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<StatisticsDay> Statistics => Set<StatisticsDay>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegistrationDbContext).Assembly);
        modelBuilder.AddOutboxInbox();
        modelBuilder.AddAuditLog();
        modelBuilder.Entity<NumberCounter>(e =>
        {
            e.ToTable("registration_number_counters");
            e.HasKey(c => new { c.RegionCode, c.Year });
            e.Property(c => c.RegionCode).HasMaxLength(6);
        });
    }
}
