namespace DonationRegistry.SystemTests;

/// <summary>Polls a condition until it holds or a generous deadline passes (a deadline, not a timing assertion).</summary>
public static class Eventually
{
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(250);
        }
        return true;
    }
}
