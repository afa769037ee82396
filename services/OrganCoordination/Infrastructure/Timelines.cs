using DonationRegistry.OrganCoordination.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.OrganCoordination.Infrastructure;

/// <summary>The timeline table of each aggregate (append-only rows with actor, reason and evidence).</summary>
internal static class Timelines
{
    public static void Configure<TOwner>(OwnedNavigationBuilder<TOwner, TimelineEntry> t, string table, string ownerKey) where TOwner : class
    {
        t.ToTable(table);
        t.WithOwner().HasForeignKey(ownerKey);
        t.HasKey(x => x.Id);
        t.Property(x => x.Action).HasMaxLength(40);
        t.Property(x => x.Status).HasMaxLength(40);
        t.Property(x => x.ActorUserId).HasMaxLength(64);
        t.Property(x => x.ActorRole).HasMaxLength(40);
        t.Property(x => x.ActorOrgId).HasMaxLength(64);
        t.Property(x => x.Reason).HasMaxLength(600);
        t.Property(x => x.Evidence).HasMaxLength(200);
    }
}
