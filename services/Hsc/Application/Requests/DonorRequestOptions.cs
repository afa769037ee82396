using DonationRegistry.Hsc.Domain.Requests;

namespace DonationRegistry.Hsc.Application.Requests;

/// <summary>Settings of the donor request workflow (section <c>Hsc:Requests</c>).</summary>
public sealed class DonorRequestOptions
{
    public const string Section = "Hsc:Requests";

    /// <summary>Re-contact attempts without a decision (unreachable, temporarily unavailable) after which a request ends as
    /// ContactFailed (<c>Hsc:Requests:MaxUndecidedAttempts</c>, 1–20).</summary>
    public int MaxUndecidedAttempts { get; set; } = 5;

    /// <summary>Matches out of 10 a confirmatory typing needs to pass (<c>Hsc:Requests:MinimumConfirmatoryMatches</c>): 10 for
    /// 10/10 only, 8 (the default, DOMAIN.md) for at least 8/10.</summary>
    public int MinimumConfirmatoryMatches { get; set; } = ConfirmatoryComparison.LowestMinimum;
}
