using DonationRegistry.FamilyCare.Domain.Aid;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.FamilyCare.Infrastructure;

internal sealed class AidConfiguration : IEntityTypeConfiguration<StudentAid>, IEntityTypeConfiguration<AidFund>,
    IEntityTypeConfiguration<FundBudget>
{
    public void Configure(EntityTypeBuilder<StudentAid> e)
    {
        e.ToTable("aid_cases");
        e.HasKey(a => a.Id);
        e.HasIndex(a => a.FamilyId);
        e.HasIndex(a => a.ChildId);
        e.Property(a => a.GuardianName).HasMaxLength(50);
        e.Property(a => a.AnnualAmount).HasPrecision(12, 2);
        e.Property<uint>("Version").IsRowVersion();
        e.OwnsMany(a => a.Disbursements, d =>
        {
            d.ToTable("aid_disbursements");
            d.WithOwner().HasForeignKey("AidId");
            d.Property<int>("Id");
            d.HasKey("Id");
            d.Property(x => x.Term).HasConversion(t => t.ToString(), s => SchoolTerm.Parse(s)).HasMaxLength(6);
            d.Property(x => x.Amount).HasPrecision(12, 2);
            d.Property(x => x.PaymentReference).HasMaxLength(64);
        });
        e.Navigation(a => a.Disbursements).HasField("_disbursements");
        e.OwnsMany(a => a.Timeline, t =>
        {
            t.ToTable("aid_timeline");
            t.WithOwner().HasForeignKey("AidId");
            t.Property<int>("Id");
            t.HasKey("Id");
            t.Property(x => x.Note).HasMaxLength(200);
        });
        e.Navigation(a => a.Timeline).HasField("_timeline");
    }

    public void Configure(EntityTypeBuilder<AidFund> e)
    {
        e.ToTable("aid_funds");
        e.HasKey(f => f.Id);
        e.Property(f => f.Name).HasMaxLength(100);
        e.Property(f => f.Region).HasMaxLength(6);
    }

    public void Configure(EntityTypeBuilder<FundBudget> e)
    {
        e.ToTable("fund_budgets");
        e.HasKey(b => new { b.FundId, b.Year });
        e.Property(b => b.Amount).HasPrecision(14, 2);
        e.Property(b => b.Committed).HasPrecision(14, 2);
        e.Ignore(b => b.Remaining);
        e.Property<uint>("Version").IsRowVersion();
    }
}
