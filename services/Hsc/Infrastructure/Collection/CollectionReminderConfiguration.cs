using DonationRegistry.Hsc.Application.Collection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonationRegistry.Hsc.Infrastructure.Collection;

/// <summary>Reminders sent: the key makes each (case, visit day, due date, kind) one reminder at most.</summary>
internal sealed class CollectionReminderConfiguration : IEntityTypeConfiguration<CollectionReminder>
{
    public void Configure(EntityTypeBuilder<CollectionReminder> e)
    {
        e.ToTable("collection_reminders");
        e.HasKey(r => new { r.CaseId, r.VisitDay, r.DueOn, r.Overdue });
    }
}
