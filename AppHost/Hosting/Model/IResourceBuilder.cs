namespace DonationRegistry.Hosting;

/// <summary>Handle on a resource being added to the graph; extension methods (WithReference, WaitFor, ...) hang off it.</summary>
/// <typeparam name="T">The resource type.</typeparam>
public interface IResourceBuilder<out T> where T : IResource
{
    T Resource { get; }

    DistributedApplicationBuilder ApplicationBuilder { get; }
}
