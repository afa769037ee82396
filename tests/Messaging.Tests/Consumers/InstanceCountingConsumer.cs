using System.Collections.Concurrent;
using DonationRegistry.Messaging.Tests.Events;
using MassTransit;

namespace DonationRegistry.Messaging.Tests.Consumers;

/// <summary>A plain (non-inbox) consumer that records every delivery's MessageId, so duplicates published by the relays would show.</summary>
public sealed class InstanceCountingConsumer : IConsumer<PledgeFromEitherInstance>
{
    public static ConcurrentBag<Guid> Delivered { get; } = [];

    public Task Consume(ConsumeContext<PledgeFromEitherInstance> context)
    {
        Delivered.Add(context.MessageId!.Value);
        return Task.CompletedTask;
    }
}
