namespace DonationRegistry.Hosting;

/// <summary>A resource others reference as <c>ConnectionStrings__&lt;name&gt;</c>.</summary>
public interface IResourceWithConnectionString : IResource
{
    string ConnectionString { get; }
}
