using DonationRegistry.OrganCoordination.Domain.TissueCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.OrganCoordination.Infrastructure;

internal sealed class TissueCaseConfiguration : IEntityTypeConfiguration<TissueDonationCase>
{
    public void Configure(EntityTypeBuilder<TissueDonationCase> e)
    {
        e.ToTable("tissue_cases");
        e.HasKey(c => c.Id);
        e.HasIndex(c => c.RequestId).IsUnique();
        e.HasIndex(c => new { c.OrgId, c.NotifiedAt });
        e.HasIndex(c => new { c.Bank, c.NotifiedAt });
        e.Property(c => c.OrgId).HasMaxLength(100);
        e.Property(c => c.CoordinatorId).HasMaxLength(64);
        e.HasIndex(c => new { c.RegionCode, c.NotifiedAt });
        e.HasIndex(c => new { c.Status, c.Deadline });
        e.Property(c => c.RegionCode).HasMaxLength(6);
        e.Property(c => c.Bank).HasMaxLength(100);
        e.Property(c => c.RowVersion).IsRowVersion();
        e.Ignore(c => c.AllowedTriggers);
        e.Ignore(c => c.Window);
        e.Property(c => c.Memorial).AsJson("memorial");
        e.OwnsMany(c => c.Timeline, t => Timelines.Configure(t, "tissue_case_timeline", "TissueCaseId"));
        e.Navigation(c => c.Timeline).HasField("_timeline");
    }
}
