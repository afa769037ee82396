namespace DonationRegistry.Messaging.Tests.Events;

public sealed record PledgeAcknowledged(Guid PledgeId, int Number) : ITestEvent;
