namespace DonationRegistry.Messaging.Tests.Events;

public sealed record PledgeDuplicatedConcurrently(Guid PledgeId, int Number) : ITestEvent;
