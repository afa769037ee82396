using DonationRegistry.Contracts;
using MassTransit;

namespace DonationRegistry.Messaging.Tests.Events;

/// <summary>
/// What every test event carries. Each test has an event type of its own: tests run in parallel on one broker, and an exchange is
/// per event type, so no test receives another's events.
/// </summary>
[ExcludeFromTopology]
public interface ITestEvent : IIntegrationEvent
{
    Guid PledgeId { get; }
    int Number { get; }
}
