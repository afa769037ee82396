using DonationRegistry.OrganCoordination.Domain.Credentials;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.OrganCoordination.Infrastructure;

internal sealed class CredentialConfiguration : IEntityTypeConfiguration<CoordinatorCredential>
{
    public void Configure(EntityTypeBuilder<CoordinatorCredential> e)
    {
        e.ToTable("coordinator_credentials");
        e.HasKey(c => c.Id);
        e.HasIndex(c => c.HolderId);
        e.HasIndex(c => c.Number).IsUnique();
        e.Property(c => c.HolderId).HasMaxLength(100);
        e.Property(c => c.OrgId).HasMaxLength(100);
        e.Property(c => c.RegionCode).HasMaxLength(6);
        e.Property(c => c.Number).HasMaxLength(40);
        e.Property(c => c.TrainingHours).HasPrecision(7, 1);
        e.Property(c => c.TrainingHoursAtCertification).HasPrecision(7, 1);
        e.Property(c => c.RowVersion).IsRowVersion();
        e.Ignore(c => c.AllowedTriggers);
        e.OwnsMany(c => c.Timeline, t => Timelines.Configure(t, "credential_timeline", "CredentialId"));
        e.Navigation(c => c.Timeline).HasField("_timeline");
    }
}
