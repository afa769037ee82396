namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// The connection from OrganCoordination to the in-process Registration service: open, it forwards to the Registration test server;
/// closed (<see cref="Down"/>), it fails like a refused connection, as when the Registration service is not running.
/// </summary>
public sealed class RegistryGate(Func<HttpMessageHandler> registration)
{
    private volatile bool _down;

    public bool Down { get => _down; set => _down = value; }

    public HttpMessageHandler CreateHandler() => new GateHandler(this, registration());

    private sealed class GateHandler(RegistryGate gate, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            gate.Down
                ? throw new HttpRequestException("Connection refused (test: the Registration service is down).")
                : base.SendAsync(request, cancellationToken);
    }
}
