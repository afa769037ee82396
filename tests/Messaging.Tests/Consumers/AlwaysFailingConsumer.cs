using DonationRegistry.Messaging.Tests.Events;
using DonationRegistry.Messaging.Tests.Infrastructure;

namespace DonationRegistry.Messaging.Tests.Consumers;

public sealed class AlwaysFailingConsumer(TestDb db) : ReceiptConsumer<PledgeNeverProcessed>(db)
{
    protected override Task HandleAsync(PledgeNeverProcessed message, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("This consumer always fails.");
}
