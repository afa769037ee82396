using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace DonationRegistry.TestSupport;

/// <summary>
/// A test consumer on the real broker, independent of MassTransit: a private queue bound to the fanout exchanges MassTransit
/// publishes each event type to ("DonationRegistry.Contracts:VolunteerRegistered", …), keeping the raw JSON envelopes.
/// </summary>
public sealed class BrokerTap : IAsyncDisposable
{
    private const string ExchangePrefix = "DonationRegistry.Contracts:";

    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentQueue<(string EventType, string Body)> _received = new();

    private BrokerTap(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <summary>Starts listening for <paramref name="eventTypes"/> (contract names, e.g. "HscDonationCompleted").</summary>
    public static async Task<BrokerTap> StartAsync(string connectionString, params string[] eventTypes)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in eventTypes)
        {
            var exchange = ExchangePrefix + type;
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync(queue, exchange, "");
        }
        var tap = new BrokerTap(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var type = delivery.Exchange.StartsWith(ExchangePrefix, StringComparison.Ordinal) ? delivery.Exchange[ExchangePrefix.Length..] : delivery.Exchange;
            tap._received.Enqueue((type, Encoding.UTF8.GetString(delivery.Body.Span)));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return tap;
    }

    /// <summary>Every envelope received so far, of any type.</summary>
    public IReadOnlyList<string> All => [.. _received.Select(m => m.Body)];

    /// <summary>Every envelope received so far of <paramref name="eventType"/>.</summary>
    public IReadOnlyList<string> Received(string eventType) =>
        [.. _received.Where(m => m.EventType == eventType).Select(m => m.Body)];

    /// <summary>The envelopes of <paramref name="eventType"/> that mention <paramref name="id"/>.</summary>
    public IReadOnlyList<string> Received(string eventType, Guid id) =>
        [.. Received(eventType).Where(b => b.Contains(id.ToString(), StringComparison.Ordinal))];

    /// <summary>The "message" parts of the envelopes of <paramref name="eventType"/> whose <paramref name="property"/> is
    /// <paramref name="value"/>.</summary>
    public IReadOnlyList<JsonElement> Received(string eventType, string property, string value) =>
        [.. Received(eventType).Select(MessageOf).Where(m => m.TryGetProperty(property, out var p) && p.ToString() == value)];

    /// <summary>Waits (<see cref="Eventually"/>) until <paramref name="count"/> envelopes of <paramref name="eventType"/> whose
    /// <paramref name="property"/> is <paramref name="value"/> have arrived; false if they did not.</summary>
    public Task<bool> SeenAsync(string eventType, string property, string value, int count = 1) =>
        Eventually.HoldsAsync(() => Task.FromResult(Received(eventType, property, value).Count >= count));

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private static JsonElement MessageOf(string envelope)
    {
        using var document = JsonDocument.Parse(envelope);
        return document.RootElement.GetProperty("message").Clone();
    }
}
