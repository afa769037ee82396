using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace DonationRegistry.Messaging.Tests.Infrastructure;

/// <summary>Looks at queues on the broker directly (RabbitMQ.Client), independently of MassTransit.</summary>
internal static class BrokerQueues
{
    /// <summary>Messages ready in <paramref name="queue"/>, or null when the queue does not exist.</summary>
    public static async Task<uint?> MessageCountAsync(string connectionString, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            var ok = await channel.QueueDeclarePassiveAsync(queue);
            return ok.MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return null; // 404 NOT_FOUND
        }
    }
}
