using DonationRegistry.Common.Auditing;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.ServiceDefaults;

/// <summary>The <c>audit_log</c> table every service keeps in its own database (one mapping for all).</summary>
public static class AuditLogModel
{
    /// <summary>Maps <see cref="AuditEntry"/>; call from the context's <c>OnModelCreating</c>.</summary>
    public static ModelBuilder AddAuditLog(this ModelBuilder modelBuilder)
    {
        var e = modelBuilder.Entity<AuditEntry>();
        e.ToTable("audit_log");
        e.HasKey(a => a.Id);
        e.HasIndex(a => new { a.SubjectType, a.SubjectId });
        e.HasIndex(a => new { a.ActorUserId, a.At });
        e.Property(a => a.Operation).HasMaxLength(60);
        e.Property(a => a.SubjectType).HasMaxLength(40);
        e.Property(a => a.ActorUserId).HasMaxLength(64);
        e.Property(a => a.ActorRole).HasMaxLength(40);
        e.Property(a => a.ActorOrgId).HasMaxLength(64);
        e.Property(a => a.Purpose).HasMaxLength(AuditLog.MaxPurposeLength);
        return modelBuilder;
    }
}
