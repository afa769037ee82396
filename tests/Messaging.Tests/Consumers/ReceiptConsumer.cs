using DonationRegistry.Messaging.Inbox;
using DonationRegistry.Messaging.Tests.Events;
using DonationRegistry.Messaging.Tests.Infrastructure;

namespace DonationRegistry.Messaging.Tests.Consumers;

/// <summary>An idempotent consumer whose effect is one receipt row per event.</summary>
public abstract class ReceiptConsumer<TEvent>(TestDb db) : InboxConsumer<TEvent, TestDb>(db) where TEvent : class, ITestEvent
{
    protected override Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        Db.Receipts.Add(new Receipt
        {
            PledgeId = message.PledgeId,
            Number = message.Number,
            Kind = typeof(TEvent).Name,
            MessageId = MessageId,
        });
        return Task.CompletedTask;
    }
}
