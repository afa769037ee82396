using DonationRegistry.Hsc.Application;
using DonationRegistry.Hsc.Infrastructure;
using Microsoft.Extensions.Options;

namespace DonationRegistry.Hsc.Searching;

/// <summary>
/// Loads the release and the index at start-up, then keeps the index current with the change feed: every
/// <see cref="HlaOptions.ChangeFeedInterval"/> it applies the donors whose <c>updated_at</c> is at or after the last change seen
/// minus <see cref="HlaOptions.ChangeFeedLookBack"/> (a transaction that stamped earlier but committed later is still caught;
/// re-applying a donor is harmless). Also sweeps the pool every <see cref="HlaOptions.SweepInterval"/>: donors past the age limit
/// age out, temporary deferrals whose last day has passed end.
/// </summary>
public sealed partial class IndexLoader(HlaEngine engine, IServiceScopeFactory scopes, IOptions<HlaOptions> options, TimeProvider clock,
    ILogger<IndexLoader> logger) : BackgroundService
{
    private DateTimeOffset _since;
    private DateTimeOffset _nextSweep;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        engine.Swapped += at => _since = at - options.Value.ChangeFeedLookBack;
        try
        {
            await engine.LoadAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLoadFailed(logger, ex);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.ChangeFeedInterval, clock, stoppingToken);
                await PollAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPollFailed(logger, ex);
            }
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HscDbContext>();
        var since = _since;
        var rows = await DonorRows.ChangedSinceAsync(db, since, cancellationToken);
        if (rows.Count > 0)
        {
            engine.Apply(rows);
            var latest = rows.Max(r => r.UpdatedAt) - options.Value.ChangeFeedLookBack;
            if (latest > since)
            {
                _since = latest;
            }
        }
        var now = clock.GetUtcNow();
        if (now >= _nextSweep)
        {
            _nextSweep = now + options.Value.SweepInterval;
            var commands = scope.ServiceProvider.GetRequiredService<DonorCommands>();
            await commands.AgeOutDueDonorsAsync(options.Value.MaximumDonorAge, cancellationToken);
            await commands.ReinstateEndedDeferralsAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The HLA release or the donor index could not be loaded; the service stays unready")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change feed poll failed; retrying")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
