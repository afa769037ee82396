namespace DonationRegistry.Messaging.Tests.Events;

public sealed record PledgeFromEitherInstance(Guid PledgeId, int Number) : ITestEvent;
