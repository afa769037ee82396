using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DonationRegistry.Hosting;

/// <summary>
/// The AppHost's dashboard on 127.0.0.1: <c>/</c> is one self-contained HTML page (polls the API), <c>/api/resources</c> the same
/// data as JSON for scripts, <c>/api/resources/{name}</c> one resource.
/// </summary>
internal sealed class Dashboard : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Dashboard(WebApplication app) => _app = app;

    public static async Task<Dashboard> StartAsync(int port, Func<IReadOnlyList<ResourceSnapshot>> snapshot,
        CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(Dashboard).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(DashboardPage.Html, "text/html; charset=utf-8"));
        app.MapGet("/api/resources", () => Results.Json(snapshot()));
        app.MapGet("/api/resources/{name}", (string name) =>
            snapshot().FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)) is { } found
                ? Results.Json(found)
                : Results.NotFound());
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync();
            throw new HostingException($"dashboard: cannot listen on 127.0.0.1:{port} ({ex.Message}). Choose another port with --Ports:Dashboard=<port>.");
        }
        return new Dashboard(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
