namespace DonationRegistry.Messaging.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a generous deadline passes (a deadline, not a timing assertion).</summary>
internal static class Eventually
{
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
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
