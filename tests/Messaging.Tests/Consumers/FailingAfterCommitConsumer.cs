using DonationRegistry.Messaging.Tests.Events;
using DonationRegistry.Messaging.Tests.Infrastructure;
using MassTransit;

namespace DonationRegistry.Messaging.Tests.Consumers;

/// <summary>Commits its effect, then fails once (as if the acknowledgement were lost), so MassTransit delivers the message again.</summary>
public sealed class FailingAfterCommitConsumer(TestDb db) : ReceiptConsumer<PledgeFailingAfterCommit>(db)
{
    private static int _deliveries;
    private static int _handled;

    public static int Deliveries => Volatile.Read(ref _deliveries);
    public static int Handled => Volatile.Read(ref _handled);

    public override async Task Consume(ConsumeContext<PledgeFailingAfterCommit> context)
    {
        var delivery = Interlocked.Increment(ref _deliveries);
        await base.Consume(context);
        if (delivery == 1)
        {
            throw new InvalidOperationException("Failure after the effect was committed.");
        }
    }

    protected override Task HandleAsync(PledgeFailingAfterCommit message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _handled);
        return base.HandleAsync(message, cancellationToken);
    }
}
