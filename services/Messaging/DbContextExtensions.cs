using System.Diagnostics;
using DonationRegistry.Contracts;
using DonationRegistry.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Messaging;

/// <summary>Enqueueing integration events in a service's transactional outbox.</summary>
public static class DbContextExtensions
{
    /// <summary>
    /// Adds <paramref name="integrationEvent"/> to the outbox of <paramref name="db"/>. Nothing is sent now: the row is inserted by the
    /// next <c>SaveChanges</c> (in the same transaction as the state change) and published by the relay once that commits. A
    /// transaction that rolls back publishes nothing.
    /// </summary>
    /// <returns>The outbox row; its <see cref="OutboxMessage.MessageId"/> is the MessageId consumers will see.</returns>
    public static OutboxMessage AddIntegrationEvent<TEvent>(this DbContext db, TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(integrationEvent);
        // CreatedAt is provisional: the outbox interceptor stamps it from the service's TimeProvider when the row is saved.
        var now = DateTimeOffset.UtcNow;
        var message = new OutboxMessage(Guid.CreateVersion7(now), OutboxSerializer.TypeName(integrationEvent.GetType()),
            OutboxSerializer.Serialize(integrationEvent), now, TraceParent());
        db.Set<OutboxMessage>().Add(message);
        return message;
    }

    private static string? TraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null;
}
