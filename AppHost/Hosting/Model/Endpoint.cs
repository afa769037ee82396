namespace DonationRegistry.Hosting;

/// <summary>A named port a resource listens on, on 127.0.0.1.</summary>
/// <param name="Name">Endpoint name (<c>http</c>, <c>grpc</c>, <c>tcp</c>, <c>amqp</c>, ...).</param>
/// <param name="Port">The port.</param>
/// <param name="Scheme">URI scheme used in <see cref="Url"/>.</param>
/// <param name="Setting">The configuration key that sets the port (for error messages).</param>
public sealed record Endpoint(string Name, int Port, string Scheme, string Setting)
{
    public string Url => $"{Scheme}://127.0.0.1:{Port}";
}
