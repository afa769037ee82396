using System.Diagnostics;
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

    [Fact]
    public async Task Relay_WhenRowsWereCommittedBeforeTheServiceStarted_PublishesThemOnStart()
    {
        var broker = await TestInfrastructure.RabbitMqAsync();
        Guid pledge = default;
        var service = MessagingTestHost.NewServiceName();
        // The service ran once before, so its queue exists (RabbitMQ drops events published before any queue is bound).
        await using (await MessagingTestHost.StartAsync(broker.ConnectionString, x => x.AddConsumer<BeforeStartConsumer>(), serviceName: service))
        {
        }

        await using var host = await MessagingTestHost.StartAsync(broker.ConnectionString, x => x.AddConsumer<BeforeStartConsumer>(),
            serviceName: service,
            seed: async db => pledge = await Pledges.MakeAsync(db, 1, (id, n) => new PledgeMadeBeforeStart(id, n)));

        Assert.True(await Eventually.HoldsAsync(() => host.WithDbAsync(db => db.Receipts.AnyAsync(r => r.PledgeId == pledge))));
    }

    [Fact]
    public async Task Relay_WhenEventIsRaisedInsideATrace_ConsumerRunsInTheSameTrace()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MassTransit",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var broker = await TestInfrastructure.RabbitMqAsync();
        await using var host = await MessagingTestHost.StartAsync(broker.ConnectionString, x => x.AddConsumer<TraceConsumer>());

        Guid pledge;
        ActivityTraceId origin;
        using (var request = new Activity("a request that changes state").Start())
        {
            origin = request.TraceId;
            pledge = await host.WithDbAsync(db => Pledges.MakeAsync(db, 1, (id, n) => new PledgeTraced(id, n)));
        }

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(TraceConsumer.Traces.ContainsKey(pledge))));
        Assert.Equal(origin, TraceConsumer.Traces[pledge]);
    }
}
