namespace DonationRegistry.Messaging.Tests.Events;

public sealed record PledgeMadeDuringOutage(Guid PledgeId, int Number) : ITestEvent;
