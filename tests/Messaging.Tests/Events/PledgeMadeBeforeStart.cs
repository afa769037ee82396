namespace DonationRegistry.Messaging.Tests.Events;

public sealed record PledgeMadeBeforeStart(Guid PledgeId, int Number) : ITestEvent;
