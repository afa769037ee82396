namespace DonationRegistry.Messaging.Tests.Events;

public sealed record PledgeNeverProcessed(Guid PledgeId, int Number) : ITestEvent;
