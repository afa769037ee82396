namespace DonationRegistry.FamilyCare.Domain.Visits;

/// <summary>A timeline row written on every transition of a visit.</summary>
public sealed record VisitTransition(VisitStatus From, VisitStatus To, VisitTrigger Trigger, DateTimeOffset At, string? Note);
