namespace DonationRegistry.Hosting;

/// <summary>Anything in the application graph; every resource derives from <see cref="Resource"/>.</summary>
public interface IResource
{
    string Name { get; }
}
