using DonationRegistry.Hsc.Domain.Collection;

namespace DonationRegistry.Hsc.Application.Collection;

/// <summary>One city's collection settings (<c>Collection:Cities:{region}</c>).</summary>
public sealed class CityCollectionOptions
{
    /// <summary>The city's follow-up days (empty: the defaults).</summary>
    public int[]? FollowUpDays { get; set; }

    /// <summary>The city's expected days per step.</summary>
    public Dictionary<CollectionCaseStatus, int> ExpectedDays { get; set; } = [];

    /// <summary>Fee standards by year ("2026"): the most per unit of each category, in fen.</summary>
    public Dictionary<string, Dictionary<FeeCategory, long>> FeeStandards { get; set; } = [];
}
