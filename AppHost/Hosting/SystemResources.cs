namespace DonationRegistry.Hosting;

/// <summary>The resources <see cref="DonationRegistrySystem.Add"/> declared, for callers that add settings of their own.</summary>
public sealed record SystemResources(
    IResourceBuilder<PostgresServerResource> Postgres,
    IResourceBuilder<RabbitMQServerResource> Messaging,
    IResourceBuilder<ProjectResource> Identity,
    IResourceBuilder<ProjectResource> Registration,
    IResourceBuilder<ProjectResource> Hsc,
    IResourceBuilder<ProjectResource> OrganCoordination,
    IResourceBuilder<ProjectResource> FamilyCare,
    IResourceBuilder<ProjectResource>? Portal);
