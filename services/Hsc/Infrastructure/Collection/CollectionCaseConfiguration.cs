using DonationRegistry.Hsc.Domain.Collection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.Hsc.Infrastructure.Collection;

/// <summary>
/// A case is one row of <c>collection_cases</c> (step records as jsonb), its timeline in <c>collection_timeline</c> and its follow-up
/// visits in <c>collection_follow_ups</c> (owned: loaded and saved with the case; xmin on the case row guards the whole aggregate,
/// as every change moves the case's UpdatedAt).
/// </summary>
internal sealed class CollectionCaseConfiguration : IEntityTypeConfiguration<CollectionCase>
{
    public void Configure(EntityTypeBuilder<CollectionCase> e)
    {
        e.ToTable("collection_cases");
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).ValueGeneratedNever();
        e.Property(c => c.CityRegion).HasMaxLength(6);
        e.Property(c => c.LocalRegion).HasMaxLength(6);
        e.Property(c => c.HospitalOrgId).HasMaxLength(64);
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        e.Property(c => c.SuspendedFrom).HasConversion<string>().HasMaxLength(32);
        e.Property(c => c.SecondDonationKind).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.CancellationReason).HasConversion<string>().HasMaxLength(32);
        e.Property(c => c.CancelledBy).HasConversion<string>().HasMaxLength(32);
        e.Property(c => c.CancellationNote).HasMaxLength(CollectionCase.MaxTextLength);
        e.Property(c => c.ArchiveNumber).HasMaxLength(40);
        e.Property(c => c.MedicalExam).AsJson();
        e.Property(c => c.Evaluation).AsJson();
        e.Property(c => c.EvaluationCoSignature).AsJson();
        e.Property(c => c.Plan).AsJson();
        e.Property(c => c.Mobilisation).AsJson();
        e.Property(c => c.Handover).AsJson();
        e.Property(c => c.Documents).AsJson();
        e.Property(c => c.Fees).AsJson();
        e.Property(c => c.Settlement).AsJson();
        e.Property(c => c.Version).IsRowVersion();
        e.Ignore(c => c.WaitingFor);
        e.Ignore(c => c.PermittedTriggers);
        e.Ignore(c => c.RequiredDocuments);
        e.Ignore(c => c.MissingDocuments);
        e.Ignore(c => c.TotalFen);
        e.Ignore(c => c.SeriousAdverseEvent);
        // One case per donor request; archive numbers are unique.
        e.HasIndex(c => c.RequestId).IsUnique();
        e.HasIndex(c => c.ArchiveNumber).IsUnique();
        e.HasIndex(c => new { c.CityRegion, c.Status });
        e.HasIndex(c => new { c.LocalRegion, c.Status });
        e.HasIndex(c => new { c.HospitalOrgId, c.Status });
        e.HasIndex(c => c.DonorId);

        e.OwnsMany(c => c.Timeline, t =>
        {
            t.ToTable("collection_timeline");
            t.WithOwner().HasForeignKey("CaseId");
            t.HasKey(x => x.Id);
            t.Property(x => x.Id).ValueGeneratedNever();
            t.Property(x => x.Trigger).HasConversion<string>().HasMaxLength(32);
            t.Property(x => x.From).HasConversion<string>().HasMaxLength(32);
            t.Property(x => x.To).HasConversion<string>().HasMaxLength(32);
            t.Property(x => x.ActorUserId).HasMaxLength(64);
            t.Property(x => x.ActorRole).HasMaxLength(40);
            t.Property(x => x.ActorOrgId).HasMaxLength(64);
            t.Property(x => x.Summary).HasMaxLength(400);
            t.Property(x => x.Reason).HasMaxLength(CollectionCase.MaxTextLength);
        });
        e.Navigation(c => c.Timeline).HasField("_timeline").UsePropertyAccessMode(PropertyAccessMode.Field);

        e.OwnsMany(c => c.FollowUps, f =>
        {
            f.ToTable("collection_follow_ups");
            f.WithOwner().HasForeignKey("CaseId");
            f.HasKey(x => x.Id);
            f.Property(x => x.Id).ValueGeneratedNever();
            f.Property(x => x.Health).HasConversion<string>().HasMaxLength(24);
            f.Property(x => x.AdverseEvents).AsJson();
            f.Property(x => x.Note).HasMaxLength(CollectionCase.MaxResultsLength);
            f.Property(x => x.RecordedBy).HasMaxLength(64);
            f.Ignore(x => x.IsRecorded);
            f.HasIndex(x => new { x.DueOn, x.VisitedOn });
        });
        e.Navigation(c => c.FollowUps).HasField("_followUps").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
