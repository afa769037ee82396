using System.Text.Json;
using System.Text.Json.Serialization;
using DonationRegistry.Hsc.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.Hsc.Infrastructure.Requests;

/// <summary>Table <c>donor_requests</c> with the attempts log in <c>donor_request_attempts</c> and the comparison as JSON.</summary>
internal sealed class DonorRequestConfiguration : IEntityTypeConfiguration<DonorRequest>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public void Configure(EntityTypeBuilder<DonorRequest> e)
    {
        e.ToTable("donor_requests");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).ValueGeneratedNever();
        e.Property(r => r.DonorRegion).HasMaxLength(6);
        e.Property(r => r.CityRegion).HasMaxLength(6);
        e.Property(r => r.PatientReference).HasMaxLength(64);
        e.Property(r => r.TransplantCentre).HasMaxLength(DonorRequest.MaxCentreLength);
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
        e.Property(r => r.Selection).HasConversion<string>().HasMaxLength(12);
        e.Property(r => r.StatusReason).HasMaxLength(DonorRequest.MaxReasonLength);
        e.Property(r => r.OpenedBy).HasMaxLength(64);
        e.Property(r => r.ConfirmatorySampleId).HasMaxLength(64);
        e.Property(r => r.Comparison).HasColumnType("jsonb").HasConversion(
            c => c == null ? null : JsonSerializer.Serialize(c, Json),
            s => s == null ? null : JsonSerializer.Deserialize<ConfirmatoryComparison>(s, Json),
            new ValueComparer<ConfirmatoryComparison?>(
                (a, b) => (a == null && b == null) || (a != null && b != null && JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json)),
                c => c == null ? 0 : JsonSerializer.Serialize(c, Json).GetHashCode(StringComparison.Ordinal),
                c => c));
        e.Property(r => r.Version).IsRowVersion();
        e.Ignore(r => r.HoldsDonor);
        e.Ignore(r => r.AllowedTriggers);
        e.Ignore(r => r.UndecidedAttempts);
        e.HasIndex(r => new { r.DonorId, r.Status });
        e.HasIndex(r => new { r.CityRegion, r.OpenedAt });
        e.HasIndex(r => r.SearchId);
        e.OwnsMany(r => r.Attempts, a =>
        {
            a.ToTable("donor_request_attempts");
            a.WithOwner().HasForeignKey("DonorRequestId");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.ByUserId).HasMaxLength(64);
            a.Property(x => x.ByRole).HasMaxLength(40);
            a.Property(x => x.ByOrgId).HasMaxLength(64);
            a.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
            a.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(24);
            a.Ignore(x => x.IsUndecided);
        });
        e.Navigation(r => r.Attempts).HasField("_attempts").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
