using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace DonationRegistry.Hsc.Tests.Collection;

/// <summary>
/// Listens on the real broker: a private queue bound to the fanout exchanges MassTransit publishes the named events to; keeps the
/// "message" part of each envelope.
/// </summary>
public sealed class CollectionEventTap : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentQueue<(string Type, JsonElement Message)> _received = new();

    private CollectionEventTap(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<CollectionEventTap> StartAsync(string broker, params string[] eventTypes)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(broker) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in eventTypes)
        {
            var exchange = "DonationRegistry.Contracts:" + type;
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync(queue, exchange, "");
        }
        var tap = new CollectionEventTap(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(Encoding.UTF8.GetString(delivery.Body.Span));
            tap._received.Enqueue((delivery.Exchange["DonationRegistry.Contracts:".Length..], envelope.RootElement.GetProperty("message").Clone()));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return tap;
    }

    /// <summary>The messages of <paramref name="eventType"/> whose <paramref name="property"/> is <paramref name="value"/>.</summary>
    public IReadOnlyList<JsonElement> Received(string eventType, string property, string value) =>
        [.. _received.Where(m => m.Type == eventType && m.Message.TryGetProperty(property, out var p) && p.ToString() == value)
            .Select(m => m.Message)];

    public Task<bool> SeenAsync(string eventType, string property, string value, int count = 1) =>
        Eventually.HoldsAsync(() => Task.FromResult(Received(eventType, property, value).Count >= count));

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
