using DonationRegistry.OrganCoordination.Domain.Memorials;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.OrganCoordination.Infrastructure;

internal sealed class MemorialConfiguration : IEntityTypeConfiguration<MemorialRecord>
{
    public void Configure(EntityTypeBuilder<MemorialRecord> e)
    {
        e.ToTable("memorials");
        e.HasKey(m => m.Id);
        // One memorial per case; the public list reads consented rows newest first.
        e.HasIndex(m => m.CaseId).IsUnique();
        e.HasIndex(m => new { m.InscriptionConsented, m.RecordedAt });
        e.Property(m => m.RegionCode).HasMaxLength(6);
        e.Property(m => m.CaseOrgId).HasMaxLength(100);
        e.Property(m => m.Site).HasMaxLength(100);
        e.Property(m => m.ConsentDocumentReference).HasMaxLength(100);
        e.Property(m => m.InscribedName).HasMaxLength(50);
        e.Property(m => m.RecordedBy).HasMaxLength(64);
    }
}
