using System.Collections.Concurrent;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace DonationRegistry.Hsc.Tests.Requests;

/// <summary>A private queue on the real broker bound to the exchanges MassTransit publishes events to; collects the raw envelopes.</summary>
public sealed class RequestEventTap : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentQueue<(string Exchange, string Body)> _received = new();

    private RequestEventTap(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<RequestEventTap> StartAsync(string connectionString, params string[] eventTypes)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in eventTypes)
        {
            var exchange = "DonationRegistry.Contracts:" + type;
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync(queue, exchange, "");
        }
        var tap = new RequestEventTap(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            tap._received.Enqueue((delivery.Exchange, Encoding.UTF8.GetString(delivery.Body.Span)));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return tap;
    }

    /// <summary>Every envelope received so far from the exchange of <paramref name="eventType"/> that mentions <paramref name="id"/>.</summary>
    public IReadOnlyList<string> Received(string eventType, Guid id) =>
        [.. _received.Where(m => m.Exchange == "DonationRegistry.Contracts:" + eventType && m.Body.Contains(id.ToString(), StringComparison.Ordinal))
            .Select(m => m.Body)];

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
