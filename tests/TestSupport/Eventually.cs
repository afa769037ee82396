namespace DonationRegistry.TestSupport;

/// <summary>Polls a condition until it holds or a generous deadline passes (a deadline, not a timing assertion).</summary>
public static class Eventually
{
    /// <summary>The deadline when the caller names none: generous, because the test machine may be loaded.</summary>
    public static readonly TimeSpan DefaultWithin = TimeSpan.FromSeconds(60);

    /// <summary>True as soon as <paramref name="condition"/> holds; false once <paramref name="within"/> has passed without it.</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (within ?? DefaultWithin);
        while (true)
        {
            if (await condition())
            {
                return true;
            }
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(100);
        }
    }
}
