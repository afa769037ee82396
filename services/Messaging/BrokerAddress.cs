namespace DonationRegistry.Messaging;

/// <summary>The parts of an <c>amqp://user:password@host:port/vhost</c> (or <c>amqps://</c>) connection string.</summary>
internal sealed record BrokerAddress(string Host, ushort Port, string VirtualHost, string Username, string Password, bool UseTls)
{
    public static BrokerAddress Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri)
            || (uri.Scheme != "amqp" && uri.Scheme != "amqps" && uri.Scheme != "rabbitmq"))
        {
            throw new InvalidOperationException(
                "The messaging connection string must look like amqp://user:password@host:port/vhost.");
        }
        var tls = uri.Scheme == "amqps";
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (tls ? 5671 : 5672) : uri.Port;
        var userInfo = uri.UserInfo.Split(':', 2);
        var username = userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest";
        var password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest";
        var path = uri.AbsolutePath.Trim('/');
        var virtualHost = path.Length > 0 ? Uri.UnescapeDataString(path) : "/";
        return new BrokerAddress(uri.Host, checked((ushort)port), virtualHost, username, password, tls);
    }
}
