using DonationRegistry.Messaging.Outbox;
using DonationRegistry.Messaging.Tests.Consumers;
using DonationRegistry.Messaging.Tests.Events;
using DonationRegistry.Messaging.Tests.Infrastructure;
using DonationRegistry.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DonationRegistry.Messaging.Tests;

/// <summary>Two instances of one service (one database, one queue): their relays never publish the same row.</summary>
public sealed class RelayInstancesTests
{
    [Fact]
    public async Task Relay_WhenTwoInstancesShareAnOutbox_PublishesEachRowOnce()
    {
        const int events = 300;
        var broker = await TestInfrastructure.RabbitMqAsync();
        await using var first = await MessagingTestHost.StartAsync(broker.ConnectionString, x => x.AddConsumer<InstanceCountingConsumer>(),
            o => o.OutboxBatchSize = 10);
        await using var second = await MessagingTestHost.StartAsync(broker.ConnectionString, x => x.AddConsumer<InstanceCountingConsumer>(),
            o => o.OutboxBatchSize = 10, instanceOf: first);

        // Commits on both instances, so both relays are woken and compete for the same rows.
        await Task.WhenAll(
            first.WithDbAsync(async db =>
            {
                for (var i = 0; i < events / 2; i++)
                {
                    await Pledges.MakeAsync(db, i, (id, n) => new PledgeFromEitherInstance(id, n));
                }
            }),
            second.WithDbAsync(async db =>
            {
                for (var i = events / 2; i < events; i++)
                {
                    await Pledges.MakeAsync(db, i, (id, n) => new PledgeFromEitherInstance(id, n));
                }
            }));

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(InstanceCountingConsumer.Delivered.Count >= events)));
        await Task.Delay(500); // a duplicate publication would arrive here
        var delivered = InstanceCountingConsumer.Delivered.ToArray();
        Assert.Equal(events, delivered.Length);
        Assert.Equal(events, delivered.Distinct().Count());
        var rows = await first.WithDbAsync(db => db.Set<OutboxMessage>().ToListAsync());
        Assert.All(rows, m => Assert.Equal((1, true), (m.Attempts, m.SentAt is not null)));
        Assert.Equal(rows.Select(m => m.MessageId).Order(), delivered.Order());
    }
}
