using DonationRegistry.Hsc.Domain.Searches;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.Hsc.Infrastructure;

internal sealed class SearchRecordConfiguration : IEntityTypeConfiguration<SearchRecord>
{
    public void Configure(EntityTypeBuilder<SearchRecord> e)
    {
        e.ToTable("searches");
        e.HasKey(s => s.Id);
        e.Property(s => s.Id).ValueGeneratedNever();
        e.Property(s => s.PatientReference).HasMaxLength(64);
        e.Property(s => s.Release).HasMaxLength(16);
        e.Property(s => s.RequestJson).HasColumnType("jsonb");
        e.Property(s => s.ResultsJson).HasColumnType("jsonb");
        e.Property(s => s.SubmittedBy).HasMaxLength(64);
        e.Property(s => s.SubmitterRole).HasMaxLength(40);
        e.Property(s => s.SubmitterOrgId).HasMaxLength(64);
        e.HasIndex(s => new { s.PatientReference, s.SubmittedAt });
    }
}
