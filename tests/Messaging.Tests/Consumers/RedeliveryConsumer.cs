using DonationRegistry.Messaging.Tests.Events;
using DonationRegistry.Messaging.Tests.Infrastructure;
using MassTransit;

namespace DonationRegistry.Messaging.Tests.Consumers;

public sealed class RedeliveryConsumer(TestDb db) : ReceiptConsumer<PledgeRedelivered>(db)
{
    private static int _deliveries;

    /// <summary>Deliveries that reached the consumer (processed or skipped).</summary>
    public static int Deliveries => Volatile.Read(ref _deliveries);

    public override async Task Consume(ConsumeContext<PledgeRedelivered> context)
    {
        Interlocked.Increment(ref _deliveries);
        await base.Consume(context);
    }
}
