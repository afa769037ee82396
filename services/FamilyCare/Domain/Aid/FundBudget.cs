namespace DonationRegistry.FamilyCare.Domain.Aid;

/// <summary>
/// One fund's budget for one calendar year. Approvals commit money from it and may never exceed what remains; the service stores it
/// with a row version so two concurrent approvals cannot both spend the same remainder.
/// </summary>
public sealed class FundBudget
{
    private FundBudget()
    {
    }

    public Guid FundId { get; private set; }
    public int Year { get; private set; }
    public decimal Amount { get; private set; }
    public decimal Committed { get; private set; }
    public decimal Remaining => Amount - Committed;

    public static FundBudget Create(Guid fundId, int year, decimal amount)
    {
        if (amount <= 0)
        {
            throw new ValidationFailedException("budget.amount", "A budget must be a positive amount of yuan.");
        }
        return new FundBudget { FundId = fundId, Year = year, Amount = amount };
    }

    /// <summary>Raises or lowers the year's budget; never below what is already committed.</summary>
    public void Adjust(decimal amount)
    {
        if (amount < Committed)
        {
            throw new CareRuleException(CareRules.BudgetExceeded,
                $"The budget cannot go below the {Committed} yuan already committed.", "预算不能低于已批准的金额。");
        }
        Amount = amount;
    }

    /// <summary>Commits <paramref name="amount"/>: refused with BUDGET_EXCEEDED when it exceeds the remainder.</summary>
    public void Commit(decimal amount)
    {
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "Only positive amounts are committed.");
        }
        if (amount > Remaining)
        {
            throw new CareRuleException(CareRules.BudgetExceeded,
                $"Approving {amount} yuan exceeds the remaining {Remaining} yuan of the fund's {Year} budget.",
                $"批准金额 {amount} 元超过该基金 {Year} 年度剩余预算 {Remaining} 元。");
        }
        Committed += amount;
    }

    /// <summary>Gives back money committed but never paid (a child exits before the year's terms are paid).</summary>
    public void Release(decimal amount)
    {
        Committed -= Math.Min(amount, Committed);
    }
}
