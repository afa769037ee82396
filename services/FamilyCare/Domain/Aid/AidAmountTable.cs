using DonationRegistry.FamilyCare.Domain.Families;

namespace DonationRegistry.FamilyCare.Domain.Aid;

/// <summary>Yearly aid amount per school stage, in yuan. Configuration, not code (FamilyCare:AidAmounts in appsettings).</summary>
public sealed class AidAmountTable(IReadOnlyDictionary<SchoolStage, decimal> perYear)
{
    public IReadOnlyDictionary<SchoolStage, decimal> PerYear { get; } = perYear;

    public decimal AnnualAmountFor(SchoolStage stage) =>
        PerYear.TryGetValue(stage, out var amount) && amount > 0
            ? amount
            : throw new CareRuleException(CareRules.AmountNotConfigured,
                $"No yearly aid amount is configured for stage {stage}.", $"未配置“{stage}”阶段的助学金额。");
}
