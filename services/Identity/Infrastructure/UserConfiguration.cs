using DonationRegistry.Identity.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.Identity.Infrastructure;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.ToTable("users");
        user.HasKey(u => u.Id);
        user.Property(u => u.Id).HasColumnName("id").ValueGeneratedNever();
        // Collation "C": byte order, the same on every server, so paging by user name is stable.
        user.Property(u => u.UserName).HasColumnName("user_name").HasMaxLength(64).UseCollation("C").IsRequired();
        user.Property(u => u.DisplayName).HasColumnName("display_name").HasMaxLength(100).IsRequired();
        user.Property(u => u.PasswordHash).HasColumnName("password_hash").IsRequired();
        user.Property(u => u.Role).HasColumnName("role").HasMaxLength(40).IsRequired();
        user.Property(u => u.OrgType).HasColumnName("org_type").HasMaxLength(32).IsRequired();
        user.Property(u => u.OrgId).HasColumnName("org_id").HasMaxLength(64).IsRequired();
        user.Property(u => u.Region).HasColumnName("region").HasMaxLength(6).IsFixedLength().IsRequired();
        user.Property(u => u.Disabled).HasColumnName("disabled");
        user.Property(u => u.CreatedAt).HasColumnName("created_at");
        user.Property(u => u.UpdatedAt).HasColumnName("updated_at");
        user.Property(u => u.CreateRequestId).HasColumnName("create_request_id").HasMaxLength(64);
        // A uint row version maps to PostgreSQL's system column xmin (no column is added).
        user.Property(u => u.Version).IsRowVersion();

        user.HasIndex(u => u.UserName).IsUnique();
        user.HasIndex(u => u.CreateRequestId).IsUnique();
        user.HasIndex(u => new { u.Region, u.Role });
    }
}
