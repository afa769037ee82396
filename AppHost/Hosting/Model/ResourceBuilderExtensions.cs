namespace DonationRegistry.Hosting;

/// <summary>The graph verbs, named as in Aspire: AddDatabase, WithReference, WaitFor, WithEnvironment.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>A database on the server, created if missing once the server is healthy.</summary>
    /// <param name="builder">The server.</param>
    /// <param name="name">Resource name, also the connection string name (<c>ConnectionStrings__&lt;name&gt;</c>).</param>
    /// <param name="databaseName">Database name on the server; defaults to <paramref name="name"/>.</param>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> builder,
        string name, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ApplicationBuilder.AddResource(new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource));
    }

    /// <summary>Starts <paramref name="builder"/>'s resource only when <paramref name="dependency"/> is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dependency);
        AsResource(builder.Resource).AddWaitFor(AsResource(dependency.Resource));
        return builder;
    }

    /// <summary>Passes a connection string (databases, servers, brokers) as <c>ConnectionStrings__&lt;name&gt;</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder,
        IResourceBuilder<IResourceWithConnectionString> source) where T : ProcessResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        builder.Resource.AddReference(AsResource(source.Resource));
        return builder;
    }

    /// <summary>Passes another process's endpoints for service discovery as <c>services__&lt;name&gt;__&lt;endpoint&gt;__0</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<ProcessResource> source)
        where T : ProcessResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        builder.Resource.AddReference(source.Resource);
        return builder;
    }

    /// <summary>Sets an environment variable of the process (wins over what references set).</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : ProcessResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.AddEnvironment(name, () => value);
        return builder;
    }

    /// <summary>Sets an environment variable computed when the process starts.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, Func<string> value)
        where T : ProcessResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.AddEnvironment(name, value);
        return builder;
    }

    /// <summary>Adds a condition the process must also meet to count as healthy (checked while starting and then periodically).</summary>
    public static IResourceBuilder<T> WithHealthCheck<T>(this IResourceBuilder<T> builder, Func<CancellationToken, Task<bool>> check)
        where T : ProcessResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(check);
        builder.Resource.AdditionalHealthCheck = check;
        return builder;
    }

    private static Resource AsResource(IResource resource) =>
        resource as Resource ?? throw new ArgumentException($"{resource.Name} is not a resource of this AppHost.", nameof(resource));
}
