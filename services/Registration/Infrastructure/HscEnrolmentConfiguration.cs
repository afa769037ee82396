using DonationRegistry.Registration.Domain.Registrations;
using DonationRegistry.Registration.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.Registration.Infrastructure;

internal sealed class HscEnrolmentConfiguration : IEntityTypeConfiguration<HscEnrolment>
{
    public void Configure(EntityTypeBuilder<HscEnrolment> e)
    {
        e.ToTable("hsc_enrolments");
        e.HasKey(h => h.VolunteerId);
        e.HasIndex(h => h.IdNumberHash).IsUnique();
        e.HasIndex(h => h.RequestId).IsUnique();
        e.Property(h => h.RegionCode).HasMaxLength(6);
    }
}
