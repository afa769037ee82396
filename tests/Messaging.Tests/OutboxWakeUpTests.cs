using DonationRegistry.Messaging.Inbox;
using DonationRegistry.Messaging.Outbox;
using DonationRegistry.Messaging.Tests.Consumers;
using DonationRegistry.Messaging.Tests.Events;
using DonationRegistry.Messaging.Tests.Infrastructure;
using DonationRegistry.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DonationRegistry.Messaging.Tests;

/// <summary>The interceptor: commits wake the relay, rows are stamped with the service's clock, consumers can raise events.</summary>
public sealed class OutboxWakeUpTests
{
    [Fact]
    public async Task Relay_WhenCommitsHappenWithPollingEffectivelyOff_IsWokenBySaveChangesAndByConsumerTransactions()
    {
        var broker = await TestInfrastructure.RabbitMqAsync();
        var clock = new FakeTime(new DateTimeOffset(2026, 5, 1, 4, 0, 0, TimeSpan.Zero));
        // With a 10-minute poll, only the commit signal can get the events out before the deadline below.
        await using var host = await MessagingTestHost.StartAsync(broker.ConnectionString, x =>
        {
            x.AddConsumer<ForwardingConsumer>();
            x.AddConsumer<AcknowledgedConsumer>();
        }, o => o.OutboxPollInterval = TimeSpan.FromMinutes(10), time: clock);

        var pledge = await host.WithDbAsync(db => Pledges.MakeAsync(db, 5, (id, n) => new PledgeForwarded(id, n)));

        // PledgeForwarded (SaveChanges) → ForwardingConsumer raises PledgeAcknowledged (its inbox transaction) → AcknowledgedConsumer.
        Assert.True(await Eventually.HoldsAsync(
            () => host.WithDbAsync(db => db.Receipts.AnyAsync(r => r.PledgeId == pledge && r.Kind == nameof(PledgeAcknowledged)))));
        var outbox = await host.WithDbAsync(db => db.Set<OutboxMessage>().OrderBy(m => m.SequenceNumber).ToListAsync());
        Assert.Equal(2, outbox.Count);
        Assert.All(outbox, m => Assert.Equal(clock.Now, m.CreatedAt));
        Assert.All(outbox, m => Assert.Equal(clock.Now, m.SentAt));
        Assert.All(outbox, m => Assert.Equal(7, m.MessageId.Version));
        var inbox = await host.WithDbAsync(db => db.Set<InboxMessage>().ToListAsync());
        Assert.Equal(outbox.Select(m => m.MessageId).Order(), inbox.Select(m => m.MessageId).Order());
        Assert.All(inbox, m => Assert.Equal(clock.Now, m.ProcessedAt));
    }
}
