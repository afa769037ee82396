namespace DonationRegistry.FamilyCare.Domain.Aid;

/// <summary>One term's payment of an aid year, with the bank's payment reference.</summary>
public sealed record Disbursement(int AidYear, SchoolTerm Term, decimal Amount, string PaymentReference, DateTimeOffset At);
