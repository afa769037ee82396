using Microsoft.Extensions.Options;

namespace DonationRegistry.Hsc.Application.Collection;

/// <summary>Runs <see cref="FollowUpReminderSweep"/> every <see cref="CollectionOptions.ReminderInterval"/>.</summary>
public sealed partial class FollowUpReminders(IServiceScopeFactory scopes, TimeProvider time, IOptions<CollectionOptions> options,
    ILogger<FollowUpReminders> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<FollowUpReminderSweep>().RunAsync(stoppingToken);
                if (sent > 0)
                {
                    LogSent(logger, sent);
                }
                await Task.Delay(options.Value.ReminderInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
                await Task.Delay(options.Value.ReminderInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up reminders: {Count} sent")]
    private static partial void LogSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Follow-up reminders failed; they run again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
