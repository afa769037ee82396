using System.Collections.Concurrent;
using DonationRegistry.Messaging.Outbox;
using DonationRegistry.Messaging.Tests.Events;
using MassTransit;

namespace DonationRegistry.Messaging.Tests.Consumers;

/// <summary>Records the order in which events arrive (its endpoint processes one message at a time).</summary>
public sealed class OrderConsumer : IConsumer<PledgeInOrder>
{
    public static ConcurrentQueue<(int Number, long Sequence)> Received { get; } = new();

    public Task Consume(ConsumeContext<PledgeInOrder> context)
    {
        Received.Enqueue((context.Message.Number, context.Headers.Get<long>(OutboxRelay<Infrastructure.TestDb>.SequenceHeader) ?? -1));
        return Task.CompletedTask;
    }
}
