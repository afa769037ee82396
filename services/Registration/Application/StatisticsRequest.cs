namespace DonationRegistry.Registration.Application;

/// <summary>
/// A statistics question: optional programme ("Organ", "BodyAndTissue", "Hsc"; null for all), region prefix (null: the caller's
/// own region), grouping level, period length and an inclusive day range (null: a default window ending today).
/// </summary>
public sealed record StatisticsRequest(
    string? Programme, string? RegionCode, StatisticsLevel Level, StatisticsPeriod Period, DateOnly? From, DateOnly? To);
