using DonationRegistry.Messaging.Inbox;
using DonationRegistry.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Messaging;

/// <summary>Maps the outbox and inbox tables into a service's own DbContext.</summary>
public static class ModelBuilderExtensions
{
    internal const string OutboxTable = "outbox_messages";
    internal const string InboxTable = "inbox_messages";
    internal const string InboxPrimaryKey = "pk_inbox_messages";

    /// <summary>
    /// Maps <see cref="OutboxMessage"/> (table <c>outbox_messages</c>) and <see cref="InboxMessage"/> (table <c>inbox_messages</c>).
    /// Call it once from <c>OnModelCreating</c>; the tables then come with the service's migrations.
    /// </summary>
    public static ModelBuilder AddOutboxInbox(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable(OutboxTable);
            e.HasKey(m => m.SequenceNumber).HasName("pk_outbox_messages");
            e.Property(m => m.SequenceNumber).HasColumnName("sequence_number").UseIdentityAlwaysColumn();
            e.Property(m => m.MessageId).HasColumnName("message_id");
            e.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(500).IsRequired();
            e.Property(m => m.Body).HasColumnName("body").HasColumnType("jsonb").IsRequired();
            e.Property(m => m.CreatedAt).HasColumnName("created_at");
            e.Property(m => m.SentAt).HasColumnName("sent_at");
            e.Property(m => m.Attempts).HasColumnName("attempts");
            e.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
            e.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
            e.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(128);
            e.HasIndex(m => m.MessageId).IsUnique().HasDatabaseName("ix_outbox_messages_message_id");
            // The relay reads the head of the unsent rows; a partial index keeps that cheap however many sent rows remain.
            e.HasIndex(m => m.SequenceNumber).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_messages_unsent");
            e.HasIndex(m => m.SentAt).HasDatabaseName("ix_outbox_messages_sent_at");
        });
        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable(InboxTable);
            e.HasKey(m => new { m.MessageId, m.ConsumerName }).HasName(InboxPrimaryKey);
            e.Property(m => m.MessageId).HasColumnName("message_id");
            e.Property(m => m.ConsumerName).HasColumnName("consumer_name").HasMaxLength(300);
            e.Property(m => m.ProcessedAt).HasColumnName("processed_at");
            e.HasIndex(m => m.ProcessedAt).HasDatabaseName("ix_inbox_messages_processed_at");
        });
        return modelBuilder;
    }
}
