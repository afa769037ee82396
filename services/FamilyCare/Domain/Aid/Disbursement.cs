namespace DonationRegistry.FamilyCare.Domain.Aid;

/// <summary>
/// One term's payment of an aid year, with the bank's payment reference and the fund that paid it (the fund of that year's approval
/// or renewal; null only on payments recorded before funds were kept per payment).
/// </summary>
public sealed record Disbursement(int AidYear, SchoolTerm Term, decimal Amount, string PaymentReference, DateTimeOffset At, Guid? FundId = null);
