namespace DonationRegistry.Messaging.Tests.Events;

public sealed record PledgeSharedByServices(Guid PledgeId, int Number) : ITestEvent;
