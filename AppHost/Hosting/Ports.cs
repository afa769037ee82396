using System.Net;
using System.Net.Sockets;

namespace DonationRegistry.Hosting;

/// <summary>Loopback port helpers.</summary>
public static class Ports
{
    /// <summary>A port that is free on 127.0.0.1 right now (the OS picks it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Throws a clear message naming the resource when <paramref name="port"/> is already taken.</summary>
    public static void EnsureFree(int port, string resource, string setting)
    {
        if (!IsFree(port))
        {
            throw new HostingException(
                $"{resource}: port {port} on 127.0.0.1 is already in use. Stop whatever holds it (ss -ltnp 'sport = :{port}') " +
                $"or choose another port with {setting}.");
        }
    }

    public static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
