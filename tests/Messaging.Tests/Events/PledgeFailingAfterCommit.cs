namespace DonationRegistry.Messaging.Tests.Events;

public sealed record PledgeFailingAfterCommit(Guid PledgeId, int Number) : ITestEvent;
