using DonationRegistry.Messaging.Inbox;
using DonationRegistry.Messaging.Outbox;
using DonationRegistry.Messaging.Tests.Events;
using DonationRegistry.Messaging.Tests.Infrastructure;
using DonationRegistry.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DonationRegistry.Messaging.Tests;

/// <summary>The cleaner on a database of its own, with a clock the test sets (no broker needed).</summary>
public sealed class OutboxCleanerTests : IAsyncLifetime
{
    private readonly FreshDatabase _database = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = new TestDb(TestDb.Options(_database.ConnectionString));
        await db.Database.EnsureCreatedAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task CleanAsync_WhenSentRowsAreOlderThanRetention_DeletesThemAndKeepsUnsentAndRecentRows()
    {
        var now = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        await using var db = new TestDb(TestDb.Options(_database.ConnectionString));
        var oldSent = db.AddIntegrationEvent(new PledgeInOrder(Guid.NewGuid(), 1));
        var recentSent = db.AddIntegrationEvent(new PledgeInOrder(Guid.NewGuid(), 2));
        var oldUnsent = db.AddIntegrationEvent(new PledgeInOrder(Guid.NewGuid(), 3));
        await db.SaveChangesAsync();
        await SetAsync(db, oldSent, now.AddDays(-30), now.AddDays(-8));
        await SetAsync(db, recentSent, now.AddDays(-8), now.AddDays(-6));
        await SetAsync(db, oldUnsent, now.AddDays(-30), null);
        db.Set<InboxMessage>().AddRange(
            new InboxMessage(Guid.NewGuid(), "old", now.AddDays(-31)),
            new InboxMessage(Guid.NewGuid(), "recent", now.AddDays(-1)));
        await db.SaveChangesAsync(); // no interceptor here, so the processed-at times stay as given

        var services = new ServiceCollection()
            .AddDbContext<TestDb>(o => o.UseNpgsql(_database.ConnectionString))
            .BuildServiceProvider();
        var options = new MessagingOptions { OutboxRetention = TimeSpan.FromDays(7), InboxRetention = TimeSpan.FromDays(30), CleanupBatchSize = 1 };
        var cleaner = new OutboxCleaner<TestDb>(services.GetRequiredService<IServiceScopeFactory>(), options, new FakeTime(now),
            NullLogger<OutboxCleaner<TestDb>>.Instance);

        var (outbox, inbox) = await cleaner.CleanAsync();

        Assert.Equal((1, 1), (outbox, inbox));
        db.ChangeTracker.Clear();
        var left = await db.Set<OutboxMessage>().OrderBy(m => m.SequenceNumber).Select(m => m.MessageId).ToListAsync();
        Assert.Equal([recentSent.MessageId, oldUnsent.MessageId], left);
        Assert.Equal(["recent"], await db.Set<InboxMessage>().Select(m => m.ConsumerName).ToListAsync());
    }

    private static Task<int> SetAsync(TestDb db, OutboxMessage row, DateTimeOffset createdAt, DateTimeOffset? sentAt) =>
        db.Set<OutboxMessage>().Where(m => m.SequenceNumber == row.SequenceNumber)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, createdAt).SetProperty(m => m.SentAt, sentAt));
}
