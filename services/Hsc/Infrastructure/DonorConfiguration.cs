using DonationRegistry.Hsc.Domain.Donors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.Hsc.Infrastructure;

internal sealed class DonorConfiguration : IEntityTypeConfiguration<Donor>
{
    public void Configure(EntityTypeBuilder<Donor> e)
    {
        e.ToTable("donors");
        e.HasKey(d => d.Id);
        e.Property(d => d.Id).ValueGeneratedNever();
        e.Property(d => d.RegionCode).HasMaxLength(6);
        e.Property(d => d.Status).HasConversion<string>().HasMaxLength(24);
        e.Property(d => d.Sex).HasConversion<string>().HasMaxLength(8);
        e.Property(d => d.Abo).HasConversion<string>().HasMaxLength(12);
        e.Property(d => d.Cmv).HasConversion<string>().HasMaxLength(8);
        e.Property(d => d.StatusReason).HasMaxLength(200);
        e.Property(d => d.SampleId).HasMaxLength(64);
        e.Property(d => d.Version).IsRowVersion();
        e.HasIndex(d => d.SampleId).IsUnique();
        e.HasIndex(d => new { d.RegionCode, d.Id });
        // The change feed other replicas poll.
        e.HasIndex(d => d.UpdatedAt);
        e.Ignore(d => d.IsSearchable);
    }
}
