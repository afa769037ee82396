namespace DonationRegistry.FamilyCare.Domain.Aid;

/// <summary>A timeline row written on every transition of a student aid case.</summary>
public sealed record AidTransition(AidStatus From, AidStatus To, AidTrigger Trigger, DateTimeOffset At, string? Note);
