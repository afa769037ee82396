using DonationRegistry.Hsc.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.Hsc.Infrastructure;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_log");
        e.HasKey(a => a.Id);
        e.HasIndex(a => new { a.SubjectType, a.SubjectId });
        e.HasIndex(a => new { a.ActorUserId, a.At });
        e.Property(a => a.Action).HasConversion<string>().HasMaxLength(8);
        e.Property(a => a.Operation).HasMaxLength(60);
        e.Property(a => a.SubjectType).HasMaxLength(40);
        e.Property(a => a.ActorUserId).HasMaxLength(64);
        e.Property(a => a.ActorRole).HasMaxLength(40);
        e.Property(a => a.ActorOrgId).HasMaxLength(64);
        e.Property(a => a.Detail).HasMaxLength(300);
    }
}
