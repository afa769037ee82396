using DonationRegistry.Messaging.Tests.Events;
using DonationRegistry.Messaging.Tests.Infrastructure;

namespace DonationRegistry.Messaging.Tests.Consumers;

/// <summary>Records its receipt and raises a follow-up event through the outbox, in the inbox transaction.</summary>
public sealed class ForwardingConsumer(TestDb db) : ReceiptConsumer<PledgeForwarded>(db)
{
    protected override async Task HandleAsync(PledgeForwarded message, CancellationToken cancellationToken)
    {
        await base.HandleAsync(message, cancellationToken);
        Db.AddIntegrationEvent(new PledgeAcknowledged(message.PledgeId, message.Number));
    }
}
