namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>
/// A city's fee standard (费用标准) for one year: the most that may be paid per unit of each category, in fen. A category missing
/// from the standard may not be charged.
/// </summary>
public sealed record FeeStandard(string CityRegion, int Year, IReadOnlyDictionary<FeeCategory, long> MaxUnitFen);
