using DonationRegistry.Registration.Domain.Points;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.Registration.Infrastructure;

internal sealed class PointConfiguration : IEntityTypeConfiguration<RegistrationPoint>
{
    public void Configure(EntityTypeBuilder<RegistrationPoint> e)
    {
        e.ToTable("registration_points");
        e.HasKey(p => p.Id);
        e.Property(p => p.Code).HasMaxLength(20);
        e.HasIndex(p => p.Code).IsUnique();
        e.HasIndex(p => p.RequestId).IsUnique();
        e.HasIndex(p => p.RegionCode);
        e.Property(p => p.DisplayName).HasMaxLength(100);
        e.Property(p => p.HostOrganisation).HasMaxLength(100);
        e.Property(p => p.RegionCode).HasMaxLength(6);
        e.Property(p => p.Address).HasMaxLength(200);
        e.Property(p => p.ContactPhone).HasMaxLength(20);
        e.Property(p => p.AuthorisedBy).HasMaxLength(64);
        e.Property(p => p.CreatedBy).HasMaxLength(64);
        e.Property(p => p.Version).IsRowVersion();
        e.OwnsMany(p => p.History, h =>
        {
            h.ToTable("registration_point_history");
            h.WithOwner().HasForeignKey("PointId");
            h.HasKey(t => t.Id);
            h.Property(t => t.ActorUserId).HasMaxLength(64);
            h.Property(t => t.ActorRole).HasMaxLength(40);
            h.Property(t => t.ActorOrgId).HasMaxLength(64);
            h.Property(t => t.Reason).HasMaxLength(500);
        });
        e.Navigation(p => p.History).HasField("_history");
        e.OwnsMany(p => p.Staff, s =>
        {
            s.ToTable("registration_point_staff");
            s.WithOwner().HasForeignKey("PointId");
            s.Property(m => m.UserId).HasMaxLength(64);
            s.HasKey("PointId", nameof(PointStaffMember.UserId));
            s.HasIndex(m => m.UserId);
        });
        e.Navigation(p => p.Staff).HasField("_staff");
    }
}
