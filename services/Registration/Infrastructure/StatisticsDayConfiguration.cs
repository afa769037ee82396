using DonationRegistry.Registration.Domain.Registrations;
using DonationRegistry.Registration.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.Registration.Infrastructure;

internal sealed class StatisticsDayConfiguration : IEntityTypeConfiguration<StatisticsDay>
{
    public void Configure(EntityTypeBuilder<StatisticsDay> e)
    {
        e.ToTable("statistics_days");
        e.HasKey(s => s.Id);
        e.Property(s => s.Programme).HasMaxLength(20);
        e.Property(s => s.RegionCode).HasMaxLength(6);
        // The upsert key: one row per programme, region, point, day and stripe (a null point, e.g. online, is one group too).
        e.HasIndex(s => new { s.Programme, s.RegionCode, s.PointId, s.Day, s.Stripe }).IsUnique().AreNullsDistinct(false);
        e.HasIndex(s => s.Day);
    }
}
