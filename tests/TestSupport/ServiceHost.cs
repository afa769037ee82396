using System.Net.Http.Headers;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DonationRegistry.TestSupport;

/// <summary>
/// A service hosted in the test process on ASP.NET's test server, configured like the AppHost configures it (connection strings,
/// discovered endpoints), with gRPC channels that carry a bearer token or none.
/// </summary>
/// <typeparam name="TEntryPoint">Any public type of the service's assembly.</typeparam>
public class ServiceHost<TEntryPoint>(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }

    /// <summary>A gRPC channel to the service; <paramref name="accessToken"/> null calls anonymously.</summary>
    public GrpcChannel Channel(string? accessToken = null)
    {
        var http = CreateDefaultClient();
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return GrpcChannel.ForAddress(http.BaseAddress!, new GrpcChannelOptions { HttpClient = http, DisposeHttpClient = true });
    }

    /// <summary>
    /// Waits until the service answers <c>/health</c> with success (migrations applied, broker reached); throws with its last
    /// answer once <paramref name="within"/> (default 2 minutes: the machine may be loaded) has passed.
    /// </summary>
    public async Task WaitUntilHealthyAsync(TimeSpan? within = null)
    {
        using var http = Http();
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromMinutes(2));
        while (true)
        {
            using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{typeof(TEntryPoint).Assembly.GetName().Name} did not become healthy: " +
                    await response.Content.ReadAsStringAsync());
            }
            await Task.Delay(200);
        }
    }

    /// <summary>A plain HTTP client (JSON transcoding, health endpoints).</summary>
    public HttpClient Http(string? accessToken = null)
    {
        var http = CreateDefaultClient();
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return http;
    }
}
