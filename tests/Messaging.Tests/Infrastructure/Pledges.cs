using DonationRegistry.Messaging.Tests.Events;

namespace DonationRegistry.Messaging.Tests.Infrastructure;

/// <summary>State changes of the test service: each saves a pledge and enqueues its event in the same SaveChanges.</summary>
internal static class Pledges
{
    public static async Task<Guid> MakeAsync<TEvent>(TestDb db, int number, Func<Guid, int, TEvent> create)
        where TEvent : class, ITestEvent
    {
        var pledge = new Pledge { Id = Guid.CreateVersion7(), Number = number };
        db.Pledges.Add(pledge);
        db.AddIntegrationEvent(create(pledge.Id, number));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return pledge.Id;
    }
}
