extern alias hsc;

using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;
using CollectionOptions = hsc::DonationRegistry.Hsc.Application.Collection.CollectionOptions;
using FollowUpReminders = hsc::DonationRegistry.Hsc.Application.Collection.FollowUpReminders;

namespace DonationRegistry.Hsc.Tests.Collection;

/// <summary>
/// The background job itself (not only its sweep): it sweeps when it starts, then again after each interval — here an interval whose
/// timer the test fires by hand, so nothing waits for real time.
/// </summary>
[Collection(CollectionFixture.Collection)]
public sealed class CollectionReminderJobTests(CollectionFixture fixture)
{
    private readonly CollectionSteps _steps = new(fixture, Parties.Ningbo);

    [Fact]
    public async Task FollowUpReminders_WhenStartedAndAfterEachInterval_PublishesRemindersForTheVisitsDueSoon()
    {
        var first = await _steps.AtAsync(CollectionCaseStatus.FollowUp);
        var timers = new ManualTimers();
        using var job = new FollowUpReminders(fixture.Host.Services.GetRequiredService<IServiceScopeFactory>(), timers,
            Options.Create(new CollectionOptions { ReminderInterval = TimeSpan.FromHours(6), ReminderLeadDays = 7 }),
            NullLogger<FollowUpReminders>.Instance);

        await job.StartAsync(CancellationToken.None);
        try
        {
            // The first sweep, at start: the day-7 visit of the case is due within the lead days.
            Assert.True(await Eventually.HoldsAsync(async () => await RemindersAsync(first) > 0), "No reminder at the job's start.");
            Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(timers.Pending.Count == 1)), "The job does not wait for its interval.");
            Assert.Equal(TimeSpan.FromHours(6), Assert.Single(timers.Pending));
            var firstCount = await RemindersAsync(first);
            Assert.Equal(1, await OutboxAsync(first));

            var second = await _steps.AtAsync(CollectionCaseStatus.FollowUp);
            Assert.Equal(0, await RemindersAsync(second));
            timers.FireAll();

            // The next sweep, after the interval: the new case's reminder; the first case's is not sent again.
            Assert.True(await Eventually.HoldsAsync(async () => await RemindersAsync(second) > 0), "No reminder after the interval.");
            Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(timers.Pending.Count == 1)), "The job stopped after its second sweep.");
            Assert.Equal(firstCount, await RemindersAsync(first));
            Assert.Equal(1, await OutboxAsync(first));
        }
        finally
        {
            await job.StopAsync(CancellationToken.None);
        }
    }

    private Task<int> RemindersAsync(CollectionCase c)
    {
        var id = Guid.Parse(c.Name["collectionCases/".Length..]);
        return fixture.WithDbAsync(db => db.CollectionReminders.CountAsync(r => r.CaseId == id));
    }

    private async Task<int> OutboxAsync(CollectionCase c) => (int)await fixture.CountAsync(
        $"SELECT count(*) AS \"Value\" FROM outbox_messages WHERE message_type LIKE '%FollowUpDue%' AND body::text LIKE {"%" + c.Name["collectionCases/".Length..] + "%"}");
}
