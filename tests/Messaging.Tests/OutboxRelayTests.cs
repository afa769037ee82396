using DonationRegistry.Messaging.Outbox;
using DonationRegistry.Messaging.Tests.Consumers;
using DonationRegistry.Messaging.Tests.Events;
using DonationRegistry.Messaging.Tests.Infrastructure;
using DonationRegistry.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DonationRegistry.Messaging.Tests;

/// <summary>The relay against the shared private RabbitMQ node: rollback, order, queues per service, error queue.</summary>
public sealed class OutboxRelayTests
{
    [Fact]
    public async Task Relay_WhenTransactionRollsBack_PublishesNothing()
    {
        var broker = await TestInfrastructure.RabbitMqAsync();
        await using var host = await MessagingTestHost.StartAsync(broker.ConnectionString, x => x.AddConsumer<RollbackConsumer>());

        // An explicit transaction, as a service runs one under its retrying execution strategy.
        await host.WithDbAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Pledges.Add(new Pledge { Id = Guid.NewGuid(), Number = 1 });
            db.AddIntegrationEvent(new PledgeMadeInRollbackTest(Guid.NewGuid(), 1));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }));
        // A later event that does commit: once it has been consumed, the rolled-back one would have been too.
        var marker = await host.WithDbAsync(db => Pledges.MakeAsync(db, 2, (id, n) => new PledgeMadeInRollbackTest(id, n)));

        Assert.True(await Eventually.HoldsAsync(() => host.WithDbAsync(db => db.Receipts.AnyAsync(r => r.PledgeId == marker))));
        var receipts = await host.WithDbAsync(db => db.Receipts.Select(r => r.Number).ToListAsync());
        Assert.Equal([2], receipts);
        var outbox = await host.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync());
        Assert.Equal(1, outbox);
        Assert.Equal(0, await host.WithDbAsync(db => db.Pledges.CountAsync(p => p.Number == 1)));
    }

    [Fact]
    public async Task Relay_WhenEventsCommittedSinglyAndInBatches_PublishesThemInSequenceOrder()
    {
        var broker = await TestInfrastructure.RabbitMqAsync();
        await using var host = await MessagingTestHost.StartAsync(broker.ConnectionString,
            x => x.AddConsumer<OrderConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 1),
            o => o.OutboxBatchSize = 25);

        const int singly = 100, batched = 200;
        for (var i = 0; i < singly; i++)
        {
            await host.WithDbAsync(db => Pledges.MakeAsync(db, i, (id, n) => new PledgeInOrder(id, n)));
        }
        await host.WithDbAsync(async db =>
        {
            for (var i = singly; i < singly + batched; i++)
            {
                var pledge = new Pledge { Id = Guid.CreateVersion7(), Number = i };
                db.Pledges.Add(pledge);
                db.AddIntegrationEvent(new PledgeInOrder(pledge.Id, i));
            }
            await db.SaveChangesAsync();
        });

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(OrderConsumer.Received.Count >= singly + batched)));
        var received = OrderConsumer.Received.ToArray();
        Assert.Equal(Enumerable.Range(0, singly + batched), received.Select(r => r.Number));
        Assert.True(received.Zip(received.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence), "sequence numbers must increase");
        var unsent = await host.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null));
        Assert.Equal(0, unsent);
    }

    [Fact]
    public async Task AddMessaging_WhenTwoServicesConsumeTheSameEvent_EachServiceGetsItsOwnQueueAndCopy()
    {
        var broker = await TestInfrastructure.RabbitMqAsync();
        await using var first = await MessagingTestHost.StartAsync(broker.ConnectionString, x => x.AddConsumer<SharedEventConsumer>());
        await using var second = await MessagingTestHost.StartAsync(broker.ConnectionString, x => x.AddConsumer<SharedEventConsumer>());

        var pledge = await first.WithDbAsync(db => Pledges.MakeAsync(db, 7, (id, n) => new PledgeSharedByServices(id, n)));

        foreach (var service in new[] { first, second })
        {
            Assert.True(await Eventually.HoldsAsync(() => service.WithDbAsync(db => db.Receipts.AnyAsync(r => r.PledgeId == pledge))));
            Assert.NotNull(await BrokerQueues.MessageCountAsync(broker.ConnectionString, $"{service.ServiceName}-shared-event"));
        }
    }

    [Fact]
    public async Task Consume_WhenHandlerKeepsFailing_MessageLandsInErrorQueueAfterRetries()
    {
        var broker = await TestInfrastructure.RabbitMqAsync();
        await using var host = await MessagingTestHost.StartAsync(broker.ConnectionString, x => x.AddConsumer<AlwaysFailingConsumer>());

        await host.WithDbAsync(db => Pledges.MakeAsync(db, 1, (id, n) => new PledgeNeverProcessed(id, n)));

        var errorQueue = $"{host.ServiceName}-always-failing_error";
        Assert.True(await Eventually.HoldsAsync(async () => await BrokerQueues.MessageCountAsync(broker.ConnectionString, errorQueue) == 1),
            $"expected one message in {errorQueue}");
        Assert.Equal(0, await host.WithDbAsync(db => db.Receipts.CountAsync()));
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<Inbox.InboxMessage>().CountAsync()));
    }
}
