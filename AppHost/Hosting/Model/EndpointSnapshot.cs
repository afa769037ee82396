namespace DonationRegistry.Hosting;

/// <summary>An endpoint as <c>/api/resources</c> reports it.</summary>
public sealed record EndpointSnapshot(string Name, string Url);
