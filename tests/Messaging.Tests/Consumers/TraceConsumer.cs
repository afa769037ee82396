using System.Collections.Concurrent;
using System.Diagnostics;
using DonationRegistry.Messaging.Tests.Events;
using MassTransit;

namespace DonationRegistry.Messaging.Tests.Consumers;

/// <summary>Records the trace each event is consumed in.</summary>
public sealed class TraceConsumer : IConsumer<PledgeTraced>
{
    public static ConcurrentDictionary<Guid, ActivityTraceId?> Traces { get; } = new();

    public Task Consume(ConsumeContext<PledgeTraced> context)
    {
        Traces[context.Message.PledgeId] = Activity.Current?.TraceId;
        return Task.CompletedTask;
    }
}
