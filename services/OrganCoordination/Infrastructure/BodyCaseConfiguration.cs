using DonationRegistry.OrganCoordination.Domain.BodyCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.OrganCoordination.Infrastructure;

internal sealed class BodyCaseConfiguration : IEntityTypeConfiguration<BodyDonationCase>
{
    public void Configure(EntityTypeBuilder<BodyDonationCase> e)
    {
        e.ToTable("body_cases");
        e.HasKey(c => c.Id);
        e.HasIndex(c => c.RequestId).IsUnique();
        e.HasIndex(c => new { c.OrgId, c.NotifiedAt });
        e.HasIndex(c => new { c.ReceivingUnit, c.NotifiedAt });
        e.Property(c => c.OrgId).HasMaxLength(100);
        e.Property(c => c.CoordinatorId).HasMaxLength(64);
        e.HasIndex(c => new { c.RegionCode, c.NotifiedAt });
        e.Property(c => c.RegionCode).HasMaxLength(6);
        e.Property(c => c.ReceivingUnit).HasMaxLength(100);
        e.Property(c => c.RowVersion).IsRowVersion();
        e.Ignore(c => c.AllowedTriggers);
        e.Property(c => c.Memorial).AsJson("memorial");
        e.OwnsMany(c => c.Timeline, t => Timelines.Configure(t, "body_case_timeline", "BodyCaseId"));
        e.Navigation(c => c.Timeline).HasField("_timeline");
    }
}
