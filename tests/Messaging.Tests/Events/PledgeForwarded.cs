namespace DonationRegistry.Messaging.Tests.Events;

public sealed record PledgeForwarded(Guid PledgeId, int Number) : ITestEvent;
