using DonationRegistry.Messaging.Inbox;
using DonationRegistry.Messaging.Tests.Events;
using DonationRegistry.Messaging.Tests.Infrastructure;
using MassTransit;

namespace DonationRegistry.Messaging.Tests.Consumers;

/// <summary>An idempotent consumer whose effect is one receipt row per event.</summary>
public abstract class ReceiptConsumer<TEvent>(TestDb db) : InboxConsumer<TEvent, TestDb>(db) where TEvent : class, ITestEvent
{
    protected override Task HandleAsync(ConsumeContext<TEvent> context, CancellationToken cancellationToken)
    {
        Db.Receipts.Add(new Receipt
        {
            PledgeId = context.Message.PledgeId,
            Number = context.Message.Number,
            Kind = typeof(TEvent).Name,
            MessageId = context.MessageId!.Value,
        });
        return Task.CompletedTask;
    }
}
