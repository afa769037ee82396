using DonationRegistry.Messaging.Tests.Events;
using DonationRegistry.Messaging.Tests.Infrastructure;

namespace DonationRegistry.Messaging.Tests.Consumers;

/// <summary>
/// Holds each delivery inside its transaction until a second one has arrived, so both pass the inbox check before either commits:
/// the later commit must then hit the inbox key's unique violation and count as already processed.
/// </summary>
public sealed class ConcurrentDuplicateConsumer(TestDb db) : ReceiptConsumer<PledgeDuplicatedConcurrently>(db)
{
    private static int _handled;

    public static int Handled => Volatile.Read(ref _handled);

    protected override async Task HandleAsync(PledgeDuplicatedConcurrently message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _handled);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Handled < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, cancellationToken);
        }
        await base.HandleAsync(message, cancellationToken);
    }
}
