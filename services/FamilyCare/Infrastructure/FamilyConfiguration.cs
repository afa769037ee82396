using DonationRegistry.FamilyCare.Domain.Families;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.FamilyCare.Infrastructure;

internal sealed class FamilyConfiguration : IEntityTypeConfiguration<Family>
{
    public void Configure(EntityTypeBuilder<Family> e)
    {
        e.ToTable("families");
        e.HasKey(f => f.Id);
        // One family per pseudonymous reference: a second completion event for the same family never makes a second referral.
        e.HasIndex(f => f.Reference).IsUnique();
        e.HasIndex(f => f.Region);
        e.Property(f => f.Region).HasMaxLength(6);
        e.Property<uint>("Version").IsRowVersion();
        e.OwnsOne(f => f.Contact, c =>
        {
            c.Property(p => p.Name).HasMaxLength(50).HasColumnName("contact_name");
            c.Property(p => p.Phone).HasMaxLength(20).HasColumnName("contact_phone");
            c.Property(p => p.Relationship).HasMaxLength(20).HasColumnName("contact_relationship");
        });
        e.OwnsMany(f => f.Children, c =>
        {
            c.ToTable("family_children");
            c.WithOwner().HasForeignKey("FamilyId");
            c.HasKey(m => m.Id);
            c.Property(m => m.Id).ValueGeneratedNever();
            c.Property(m => m.Name).HasMaxLength(50);
            c.Property(m => m.GuardianName).HasMaxLength(50);
            c.Property(m => m.School).HasMaxLength(100);
        });
        e.Navigation(f => f.Children).HasField("_children");
        e.OwnsMany(f => f.Elders, c =>
        {
            c.ToTable("family_elders");
            c.WithOwner().HasForeignKey("FamilyId");
            c.HasKey(m => m.Id);
            c.Property(m => m.Id).ValueGeneratedNever();
            c.Property(m => m.Name).HasMaxLength(50);
            c.Property(m => m.Health).HasMaxLength(200);
        });
        e.Navigation(f => f.Elders).HasField("_elders");
    }
}
