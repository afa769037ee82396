using DonationRegistry.Registration.Domain.Registrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.Registration.Infrastructure;

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<VolunteerRegistration>
{
    public void Configure(EntityTypeBuilder<VolunteerRegistration> e)
    {
        e.ToTable("registrations");
        e.HasKey(r => r.Id);
        e.Property(r => r.Number).HasMaxLength(23);
        e.HasIndex(r => r.Number).IsUnique();
        e.HasIndex(r => r.RequestId).IsUnique();
        e.HasIndex(r => new { r.PointId, r.CreatedAt });
        e.HasIndex(r => new { r.RegionCode, r.CreatedAt });
        e.Property(r => r.RegionCode).HasMaxLength(6);
        e.Property(r => r.LetterSha256).HasMaxLength(64);
        e.Property(r => r.VerificationCode).HasMaxLength(8);
        e.Property(r => r.ObjectionDocument).HasMaxLength(100);
        e.Property(r => r.RowVersion).IsRowVersion();
        e.Property(r => r.Scope).HasColumnType("integer[]");
        e.OwnsOne(r => r.Volunteer, v =>
        {
            v.Property(p => p.FullName).HasColumnName("full_name").HasMaxLength(50);
            v.Property(p => p.IdType).HasColumnName("id_type");
            // Encrypted (AES-GCM); the plaintext number never reaches the database.
            v.Property(p => p.IdNumberCipher).HasColumnName("id_number_cipher");
            v.Property(p => p.IdNumberHash).HasColumnName("id_number_hash");
            v.Property(p => p.IdNumberMasked).HasColumnName("id_number_masked").HasMaxLength(20);
            v.Property(p => p.BirthDate).HasColumnName("birth_date");
            v.Property(p => p.Sex).HasColumnName("sex");
            v.Property(p => p.Phone).HasColumnName("phone").HasMaxLength(20);
            v.Property(p => p.Address).HasColumnName("address").HasMaxLength(200);
            v.HasIndex(p => p.IdNumberHash);
            v.HasIndex(p => p.FullName);
            v.Ignore(p => p.MaskedName);
        });
        e.Navigation(r => r.Volunteer).IsRequired();
        e.OwnsOne(r => r.NotificationContact, c =>
        {
            c.Property(p => p.FullName).HasColumnName("contact_name").HasMaxLength(50);
            c.Property(p => p.Relation).HasColumnName("contact_relation").HasMaxLength(20);
            c.Property(p => p.Phone).HasColumnName("contact_phone").HasMaxLength(20);
        });
        e.OwnsOne(r => r.Executor, x =>
        {
            x.Property(p => p.Kind).HasColumnName("executor_kind");
            x.Property(p => p.Name).HasColumnName("executor_name").HasMaxLength(100);
            x.Property(p => p.Phone).HasColumnName("executor_phone").HasMaxLength(20);
        });
        e.OwnsMany(r => r.Witnesses, w =>
        {
            w.ToTable("registration_witnesses");
            w.WithOwner().HasForeignKey("RegistrationId");
            w.HasKey(x => x.Id);
            w.Property(x => x.FullName).HasMaxLength(50);
            w.Property(x => x.Relation).HasMaxLength(20);
            w.Property(x => x.IdNumberMasked).HasMaxLength(20);
        });
        e.Navigation(r => r.Witnesses).HasField("_witnesses");
        e.OwnsMany(r => r.Timeline, t =>
        {
            t.ToTable("registration_timeline");
            t.WithOwner().HasForeignKey("RegistrationId");
            t.HasKey(x => x.Id);
            t.Property(x => x.Action).HasMaxLength(40);
            t.Property(x => x.ActorUserId).HasMaxLength(64);
            t.Property(x => x.ActorRole).HasMaxLength(40);
            t.Property(x => x.ActorOrgId).HasMaxLength(64);
            t.Property(x => x.Reason).HasMaxLength(500);
        });
        e.Navigation(r => r.Timeline).HasField("_timeline");
        e.OwnsMany(r => r.Versions, v =>
        {
            v.ToTable("registration_versions");
            v.WithOwner().HasForeignKey("RegistrationId");
            v.HasKey(x => x.Id);
            v.Property(x => x.Details).HasColumnType("jsonb").HasConversion(
                d => System.Text.Json.JsonSerializer.Serialize(d, JsonOptions),
                s => System.Text.Json.JsonSerializer.Deserialize<AmendableDetails>(s, JsonOptions)!);
            v.Property(x => x.Reason).HasMaxLength(500);
            v.Property(x => x.ActorUserId).HasMaxLength(64);
        });
        e.Navigation(r => r.Versions).HasField("_versions");
        // One live registration per person and programme (DOMAIN.md section 2) is also a partial unique index over
        // (id_number_hash, Programme) for the live statuses; EF cannot declare an index across an owned type, so the
        // migration creates it (LiveRegistrationIndex).
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web);
}
