using DonationRegistry.Messaging.Inbox;
using DonationRegistry.Messaging.Outbox;
using DonationRegistry.Messaging.Tests.Consumers;
using DonationRegistry.Messaging.Tests.Events;
using DonationRegistry.Messaging.Tests.Infrastructure;
using DonationRegistry.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace DonationRegistry.Messaging.Tests;

/// <summary>The outbox across a broker outage, on a RabbitMQ node of this test's own that it stops and restarts.</summary>
public sealed class BrokerOutageTests
{
    private const int Changes = 1_000;

    [Fact]
    public async Task Relay_WhenStateChangesAreCommittedWhileBrokerIsStopped_DeliversEachExactlyOnceAfterRestart()
    {
        await using var node = await TestInfrastructure.StartPrivateRabbitMqAsync("outage" + Guid.NewGuid().ToString("N")[..8]);
        await using var host = await MessagingTestHost.StartAsync(node.ConnectionString, x => x.AddConsumer<OutageConsumer>());

        await node.StopAsync();
        Assert.True(await Eventually.HoldsAsync(async () => await host.ReadinessAsync() != HealthStatus.Healthy),
            "the readiness check should report the broker down");

        await host.WithDbAsync(async db =>
        {
            for (var i = 0; i < Changes; i++)
            {
                await Pledges.MakeAsync(db, i, (id, n) => new PledgeMadeDuringOutage(id, n));
            }
        });
        // The relay has tried and failed: the head row records the attempt, nothing is marked sent.
        Assert.True(await Eventually.HoldsAsync(() => host.WithDbAsync(db =>
            db.Set<OutboxMessage>().AnyAsync(m => m.Attempts > 0 && m.LastError != null))));
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt != null)));

        await node.StartAsync();

        Assert.True(await Eventually.HoldsAsync(() => host.WithDbAsync(async db =>
                await db.Receipts.CountAsync() >= Changes && !await db.Set<OutboxMessage>().AnyAsync(m => m.SentAt == null)),
            TimeSpan.FromSeconds(120)), "every event should be delivered after the restart");
        await Task.Delay(500); // a late duplicate would show up here
        var (receipts, distinct, inbox, sent, pledges) = await host.WithDbAsync(async db => (
            await db.Receipts.CountAsync(),
            await db.Receipts.Select(r => r.PledgeId).Distinct().CountAsync(),
            await db.Set<InboxMessage>().CountAsync(),
            await db.Set<OutboxMessage>().CountAsync(m => m.SentAt != null),
            await db.Pledges.CountAsync()));
        Assert.Equal((Changes, Changes, Changes, Changes, Changes), (receipts, distinct, inbox, sent, pledges));
        Assert.Equal(HealthStatus.Healthy, await host.ReadinessAsync());
    }
}
