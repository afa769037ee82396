namespace DonationRegistry.Hosting;

/// <summary>Where a resource is in its life. Only <see cref="Running"/> counts as healthy.</summary>
public enum ResourceState
{
    /// <summary>Waiting for the resources it waits for to become healthy.</summary>
    Waiting,
    /// <summary>Started, not yet healthy.</summary>
    Starting,
    /// <summary>Started and healthy.</summary>
    Running,
    /// <summary>Was healthy, its health check fails now.</summary>
    Unhealthy,
    /// <summary>The process ended by itself (see <see cref="Resource.ExitCode"/>).</summary>
    Exited,
    /// <summary>Could not be started (see <see cref="Resource.Reason"/>).</summary>
    Failed,
    /// <summary>Stopped by the AppHost.</summary>
    Stopped,
}
