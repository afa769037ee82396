using DonationRegistry.OrganCoordination.Domain.ReceivingUnits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.OrganCoordination.Infrastructure;

internal sealed class ReceivingUnitConfiguration : IEntityTypeConfiguration<ReceivingUnit>
{
    public void Configure(EntityTypeBuilder<ReceivingUnit> e)
    {
        e.ToTable("receiving_units");
        e.HasKey(u => u.Id);
        e.Property(u => u.Id).HasMaxLength(40);
        e.Property(u => u.DisplayName).HasMaxLength(100);
        e.Property(u => u.RegionCode).HasMaxLength(6);
        e.Property(u => u.UpdatedBy).HasMaxLength(64);
        e.Property(u => u.AcceptedDonations).HasColumnType("integer[]");
        e.Property(u => u.RowVersion).IsRowVersion();
    }
}
