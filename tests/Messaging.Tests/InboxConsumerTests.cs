using DonationRegistry.Messaging.Inbox;
using DonationRegistry.Messaging.Tests.Consumers;
using DonationRegistry.Messaging.Tests.Events;
using DonationRegistry.Messaging.Tests.Infrastructure;
using DonationRegistry.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DonationRegistry.Messaging.Tests;

/// <summary>The inbox against the real broker: a message delivered again is a no-op.</summary>
public sealed class InboxConsumerTests
{
    [Fact]
    public async Task Consume_WhenBrokerDeliversTheSameMessageIdAgain_AppliesTheEffectOnce()
    {
        var broker = await TestInfrastructure.RabbitMqAsync();
        await using var host = await MessagingTestHost.StartAsync(broker.ConnectionString, x => x.AddConsumer<RedeliveryConsumer>());
        var messageId = Guid.CreateVersion7();
        var message = new PledgeRedelivered(Guid.NewGuid(), 1);

        // The same message published three times: three real deliveries from the queue, one after the other and two at once.
        await host.Bus.Publish(message, c => c.MessageId = messageId);
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(RedeliveryConsumer.Deliveries >= 1)));
        await Task.WhenAll(
            host.Bus.Publish(message, c => c.MessageId = messageId),
            host.Bus.Publish(message, c => c.MessageId = messageId));
        // A different message after them, to know the duplicates have been through the consumer.
        await host.Bus.Publish(new PledgeRedelivered(Guid.NewGuid(), 2));

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(RedeliveryConsumer.Deliveries >= 4)));
        Assert.True(await Eventually.HoldsAsync(() => host.WithDbAsync(db => db.Receipts.AnyAsync(r => r.Number == 2))));
        var receipts = await host.WithDbAsync(db => db.Receipts.Where(r => r.Number == 1).ToListAsync());
        Assert.Single(receipts);
        Assert.Equal(messageId, receipts[0].MessageId);
        Assert.Equal(1, await host.WithDbAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task Consume_WhenDuplicatesAreProcessedConcurrently_LaterCommitIsANoOp()
    {
        var broker = await TestInfrastructure.RabbitMqAsync();
        await using var host = await MessagingTestHost.StartAsync(broker.ConnectionString,
            x => x.AddConsumer<ConcurrentDuplicateConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 4));
        var messageId = Guid.CreateVersion7();
        var message = new PledgeDuplicatedConcurrently(Guid.NewGuid(), 1);

        await Task.WhenAll(
            host.Bus.Publish(message, c => c.MessageId = messageId),
            host.Bus.Publish(message, c => c.MessageId = messageId));

        // Both deliveries ran the handler (both passed the inbox check); only one effect may survive.
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(ConcurrentDuplicateConsumer.Handled >= 2)));
        Assert.True(await Eventually.HoldsAsync(() => host.WithDbAsync(db => db.Receipts.AnyAsync())));
        await Task.Delay(500); // let the losing transaction finish
        Assert.Equal(1, await host.WithDbAsync(db => db.Receipts.CountAsync()));
        Assert.Equal(1, await host.WithDbAsync(db => db.Set<InboxMessage>().CountAsync()));
        Assert.Null(await BrokerQueues.MessageCountAsync(broker.ConnectionString, $"{host.ServiceName}-concurrent-duplicate_error"));
        Assert.Equal(2, ConcurrentDuplicateConsumer.Handled);
    }

    [Fact]
    public async Task Consume_WhenConsumerFailsAfterItsEffectCommitted_RedeliveryIsANoOp()
    {
        var broker = await TestInfrastructure.RabbitMqAsync();
        await using var host = await MessagingTestHost.StartAsync(broker.ConnectionString, x => x.AddConsumer<FailingAfterCommitConsumer>());

        var pledge = await host.WithDbAsync(db => Pledges.MakeAsync(db, 1, (id, n) => new PledgeFailingAfterCommit(id, n)));

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(FailingAfterCommitConsumer.Deliveries >= 2)));
        Assert.Equal(1, FailingAfterCommitConsumer.Handled);
        Assert.Equal(1, await host.WithDbAsync(db => db.Receipts.CountAsync(r => r.PledgeId == pledge)));
        Assert.Null(await BrokerQueues.MessageCountAsync(broker.ConnectionString, $"{host.ServiceName}-failing-after-commit_error"));
    }
}
