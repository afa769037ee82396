using DonationRegistry.Hsc.Domain.Donors;
using DonationRegistry.Hsc.Domain.Typings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.Hsc.Infrastructure;

internal sealed class TypingRecordConfiguration : IEntityTypeConfiguration<TypingRecord>
{
    public void Configure(EntityTypeBuilder<TypingRecord> e)
    {
        e.ToTable("typings");
        e.HasKey(t => t.Id);
        e.Property(t => t.Id).ValueGeneratedNever();
        e.HasOne<Donor>().WithMany().HasForeignKey(t => t.DonorId);
        e.HasIndex(t => new { t.DonorId, t.RecordedAt });
        e.Property(t => t.Source).HasConversion<string>().HasMaxLength(12);
        e.Property(t => t.Method).HasConversion<string>().HasMaxLength(12);
        e.Property(t => t.Resolution).HasConversion<string>().HasMaxLength(16);
        e.Property(t => t.Release).HasMaxLength(16);
        e.Property(t => t.LaboratoryRelease).HasMaxLength(16);
        e.Property(t => t.RecordedBy).HasMaxLength(64);
    }
}
