namespace DonationRegistry.Hsc.Application.Collection;

/// <summary>
/// The clock of the collection procedure (steps, due lists, reminders). Its own registration so tests move the procedure's time
/// (days and weeks) without moving the clock that validates access tokens.
/// </summary>
public sealed class CollectionClock(TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow().ToUniversalTime();
}
