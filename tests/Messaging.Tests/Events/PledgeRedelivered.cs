namespace DonationRegistry.Messaging.Tests.Events;

public sealed record PledgeRedelivered(Guid PledgeId, int Number) : ITestEvent;
