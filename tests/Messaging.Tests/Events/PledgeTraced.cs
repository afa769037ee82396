namespace DonationRegistry.Messaging.Tests.Events;

public sealed record PledgeTraced(Guid PledgeId, int Number) : ITestEvent;
