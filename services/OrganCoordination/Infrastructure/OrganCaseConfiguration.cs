using DonationRegistry.OrganCoordination.Domain.OrganCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.OrganCoordination.Infrastructure;

internal sealed class OrganCaseConfiguration : IEntityTypeConfiguration<OrganDonationCase>
{
    public void Configure(EntityTypeBuilder<OrganDonationCase> e)
    {
        e.ToTable("organ_cases");
        e.HasKey(c => c.Id);
        e.HasIndex(c => c.RequestId).IsUnique();
        e.HasIndex(c => new { c.RegionCode, c.ReferredAt });
        e.HasIndex(c => new { c.HospitalId, c.ReferredAt });
        e.HasIndex(c => c.Status);
        e.Property(c => c.RegionCode).HasMaxLength(6);
        e.Property(c => c.HospitalId).HasMaxLength(100);
        e.Property(c => c.CoordinatorId).HasMaxLength(64);
        e.Property(c => c.CotrsDonorId).HasMaxLength(40);
        e.Property(c => c.WitnessReportReference).HasMaxLength(100);
        e.Property(c => c.BodyReceivingUnit).HasMaxLength(100);
        e.Property(c => c.CertificateNumber).HasMaxLength(40);
        e.Property(c => c.RowVersion).IsRowVersion();
        e.Property(c => c.ProcuredOrgans).HasColumnType("integer[]");
        e.Property(c => c.ProcurementTeam).HasColumnType("text[]");
        e.OwnsOne(c => c.DonorIdNumber, d =>
        {
            d.Property(p => p.Type).HasColumnName("donor_id_type");
            // Encrypted (AES-GCM); the plaintext number never reaches the database.
            d.Property(p => p.Cipher).HasColumnName("donor_id_cipher");
            d.Property(p => p.LookupHash).HasColumnName("donor_id_hash");
            d.Property(p => p.Masked).HasColumnName("donor_id_masked").HasMaxLength(20);
            d.HasIndex(p => p.LookupHash);
        });
        e.Property(c => c.RegistryCheck).AsJson("registry_check");
        e.Property(c => c.Consent).AsJson("consent");
        e.Property(c => c.Death).AsJson("death");
        e.Ignore(c => c.Witnesses);
        e.Ignore(c => c.Outcomes);
        e.Property<List<WitnessAssignment>>("_witnesses").AsJson("witnesses");
        e.Property<List<OrganOutcome>>("_outcomes").AsJson("outcomes");
        e.OwnsMany(c => c.Timeline, t => Timelines.Configure(t, "organ_case_timeline", "OrganCaseId"));
        e.Navigation(c => c.Timeline).HasField("_timeline");
    }
}
