using DonationRegistry.FamilyCare.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.FamilyCare.Infrastructure;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>, IEntityTypeConfiguration<Campaign>,
    IEntityTypeConfiguration<StaffMember>, IEntityTypeConfiguration<StaffBooking>
{
    public void Configure(EntityTypeBuilder<Visit> e)
    {
        e.ToTable("visits");
        e.HasKey(v => v.Id);
        // One visit per family per campaign (routine visits outside campaigns have no campaign and are not limited).
        e.HasIndex(v => new { v.FamilyId, v.CampaignId }).IsUnique().HasFilter("\"CampaignId\" IS NOT NULL");
        e.HasIndex(v => new { v.Region, v.Status });
        // Campaign lists count their visits per campaign.
        e.HasIndex(v => v.CampaignId);
        e.Property(v => v.Region).HasMaxLength(6);
        e.Property(v => v.MissedReason).HasMaxLength(200);
        e.Ignore(v => v.Slot);
        e.Property<List<string>>("_staffIds").HasColumnName("StaffIds");
        e.Ignore(v => v.StaffIds);
        e.Property<uint>("Version").IsRowVersion();
        e.OwnsOne(v => v.Outcome, o =>
        {
            o.Property(x => x.Cash).HasPrecision(12, 2).HasColumnName("outcome_cash");
            o.Property(x => x.Goods).HasMaxLength(200).HasColumnName("outcome_goods");
            o.Property(x => x.NeedsFound).HasMaxLength(500).HasColumnName("outcome_needs_found");
            o.Property(x => x.FollowUpOn).HasColumnName("outcome_follow_up_on");
            o.Property(x => x.PhotoConsent).HasColumnName("outcome_photo_consent");
        });
        e.OwnsMany(v => v.Timeline, t =>
        {
            t.ToTable("visit_timeline");
            t.WithOwner().HasForeignKey("VisitId");
            t.Property<int>("Id");
            t.HasKey("Id");
            t.Property(x => x.Note).HasMaxLength(200);
        });
        e.Navigation(v => v.Timeline).HasField("_timeline");
    }

    public void Configure(EntityTypeBuilder<Campaign> e)
    {
        e.ToTable("campaigns");
        e.HasKey(c => c.Id);
        e.Property(c => c.Name).HasMaxLength(100);
        e.Property(c => c.Region).HasMaxLength(6);
    }

    public void Configure(EntityTypeBuilder<StaffMember> e)
    {
        e.ToTable("staff_members");
        e.HasKey(s => s.Id);
        e.Property(s => s.Id).HasMaxLength(64);
        e.Property(s => s.Name).HasMaxLength(50);
        e.Property(s => s.Region).HasMaxLength(6);
    }

    public void Configure(EntityTypeBuilder<StaffBooking> e)
    {
        e.ToTable("staff_bookings");
        e.HasKey(b => new { b.StaffId, b.Date, b.Slot });
        e.Property(b => b.StaffId).HasMaxLength(64);
        e.HasIndex(b => b.VisitId);
    }
}
