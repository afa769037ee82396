namespace DonationRegistry.FamilyCare.Domain.Visits;

/// <summary>What a visit gave and found: consolation cash (yuan), goods, needs, the next follow-up, and photo consent.</summary>
public sealed record VisitOutcome(decimal Cash, string? Goods, string? NeedsFound, DateOnly? FollowUpOn, bool PhotoConsent);
