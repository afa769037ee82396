using DonationRegistry.Messaging.Inbox;
using DonationRegistry.Messaging.Outbox;
using DonationRegistry.Messaging.Tests.Consumers;
using DonationRegistry.Messaging.Tests.Events;
using DonationRegistry.Messaging.Tests.Infrastructure;
using DonationRegistry.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace DonationRegistry.Messaging.Tests;

/// <summary>The outbox across a broker outage, on a RabbitMQ node of this test's own that it stops and restarts.</summary>
public sealed class BrokerOutageTests(ITestOutputHelper output)
{
    private const int Changes = 1_000;

    [Fact]
    public async Task Relay_WhenStateChangesAreCommittedWhileBrokerIsStopped_DeliversEachExactlyOnceAfterRestart()
    {
        var clock = Stopwatch.StartNew();
        void Step(string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {what}");
        await using var node = await TestInfrastructure.StartPrivateRabbitMqAsync("outage" + Guid.NewGuid().ToString("N")[..8]);
        await using var host = await MessagingTestHost.StartAsync(node.ConnectionString, x => x.AddConsumer<OutageConsumer>());
        Step("private node started, host ready");

        await node.StopAsync();
        Step("node stopped");
        Assert.True(await Eventually.HoldsAsync(async () => await host.ReadinessAsync() != HealthStatus.Healthy),
            "the readiness check should report the broker down");
        Step("readiness reports the broker down");

        await host.WithDbAsync(async db =>
        {
            for (var i = 0; i < Changes; i++)
            {
                await Pledges.MakeAsync(db, i, (id, n) => new PledgeMadeDuringOutage(id, n));
            }
        });
        Step($"{Changes} state changes committed");
        // The relay has tried and failed: the head row records the attempt, nothing is marked sent.
        Assert.True(await Eventually.HoldsAsync(() => host.WithDbAsync(db =>
            db.Set<OutboxMessage>().AnyAsync(m => m.Attempts > 0 && m.LastError != null))));
        Assert.Equal(0, await host.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt != null)));

        await node.StartAsync();
        Step("node restarted");
        await Eventually.HoldsAsync(() => host.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.SentAt != null)), TimeSpan.FromSeconds(120));
        Step("first outbox row sent");
        await Eventually.HoldsAsync(() => host.WithDbAsync(db => db.Receipts.AnyAsync()), TimeSpan.FromSeconds(120));
        Step("first receipt");
        await Eventually.HoldsAsync(() => host.WithDbAsync(async db => !await db.Set<OutboxMessage>().AnyAsync(m => m.SentAt == null)), TimeSpan.FromSeconds(120));
        Step("all outbox rows sent");

        Assert.True(await Eventually.HoldsAsync(() => host.WithDbAsync(async db =>
                await db.Receipts.CountAsync() >= Changes && !await db.Set<OutboxMessage>().AnyAsync(m => m.SentAt == null)),
            TimeSpan.FromSeconds(120)), "every event should be delivered after the restart");
        Step("all delivered and marked sent");
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
