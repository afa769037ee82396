namespace DonationRegistry.Messaging.Tests.Events;

public sealed record PledgeMadeInRollbackTest(Guid PledgeId, int Number) : ITestEvent;
