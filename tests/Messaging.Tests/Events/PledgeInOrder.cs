namespace DonationRegistry.Messaging.Tests.Events;

public sealed record PledgeInOrder(Guid PledgeId, int Number) : ITestEvent;
