using DonationRegistry.Common.Errors;
using DonationRegistry.FamilyCare.Domain.Aid;
using DonationRegistry.FamilyCare.Domain.Families;
using Xunit;

namespace DonationRegistry.FamilyCare.Domain.Tests;

public sealed class BudgetTests
{
    // (budget, stage) → approved? The stage's amount comes from configuration (Samples.Amounts): Primary 2600, SeniorHigh 3000.
    [Theory]
    [InlineData(10000, SchoolStage.Primary, true)]
    [InlineData(2600, SchoolStage.Primary, true)]
    [InlineData(2599.99, SchoolStage.Primary, false)]
    [InlineData(2999, SchoolStage.SeniorHigh, false)]
    [InlineData(3000, SchoolStage.SeniorHigh, true)]
    public void Approve_AgainstRemainingBudget_NeverExceedsIt(double budgetYuan, SchoolStage stage, bool approved)
    {
        var (aid, _) = Samples.VerifiedAid(stage);
        var (fund, budget) = Samples.Fund((decimal)budgetYuan);

        var ex = Record.Exception(() => aid.Approve(fund, budget, Samples.Amounts, 2026, Samples.Now));

        if (approved)
        {
            Assert.Null(ex);
            Assert.Equal(AidStatus.Approved, aid.Status);
            Assert.Equal(Samples.Amounts.AnnualAmountFor(stage), budget.Committed);
            Assert.Equal(AidTier.City, aid.Tier);
        }
        else
        {
            Assert.Equal(CareRules.BudgetExceeded, Assert.IsType<CareRuleException>(ex).Rule);
            Assert.Equal(AidStatus.Verified, aid.Status);
            Assert.Equal(0m, budget.Committed);
        }
        Assert.True(budget.Committed <= budget.Amount);
    }

    [Fact]
    public void Approve_WhenSecondApprovalWouldExceed_OnlyTheFirstCommits()
    {
        var (fund, budget) = Samples.Fund(5000m);
        var (first, _) = Samples.VerifiedAid();
        var (second, _) = Samples.VerifiedAid();

        first.Approve(fund, budget, Samples.Amounts, 2026, Samples.Now);
        var ex = Assert.Throws<CareRuleException>(() => second.Approve(fund, budget, Samples.Amounts, 2026, Samples.Now));

        Assert.Equal(CareRules.BudgetExceeded, ex.Rule);
        Assert.Equal(2600m, budget.Committed);
        Assert.Equal(2400m, budget.Remaining);
    }

    [Fact]
    public void Approve_WhenStageHasNoConfiguredAmount_IsRefused()
    {
        var (aid, _) = Samples.VerifiedAid(SchoolStage.Preschool);
        var (fund, budget) = Samples.Fund(10000m);

        var ex = Assert.Throws<CareRuleException>(() => aid.Approve(fund, budget, Samples.Amounts, 2026, Samples.Now));

        Assert.Equal(CareRules.AmountNotConfigured, ex.Rule);
        Assert.Equal(0m, budget.Committed);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2027)]
    public void Approve_WhenBudgetOfAnotherYear_IsRefused(int budgetYear)
    {
        var (aid, _) = Samples.VerifiedAid();
        var (fund, budget) = Samples.Fund(10000m, budgetYear);

        var ex = Assert.Throws<CareRuleException>(() => aid.Approve(fund, budget, Samples.Amounts, 2026, Samples.Now));

        Assert.Equal(CareRules.WrongBudgetYear, ex.Rule);
    }

    [Fact]
    public void Disburse_PerTerm_PaysUpToTheApprovedAmountOnce()
    {
        var (aid, _) = Samples.VerifiedAid();
        var (fund, budget) = Samples.Fund(10000m);
        aid.Approve(fund, budget, Samples.Amounts, 2026, Samples.Now);

        aid.Disburse(new SchoolTerm(2026, 1), 1300m, "PAY-001", Samples.Now);
        Assert.Throws<DuplicateException>(() => aid.Disburse(new SchoolTerm(2026, 1), 1300m, "PAY-002", Samples.Now));
        var over = Assert.Throws<CareRuleException>(() => aid.Disburse(new SchoolTerm(2026, 2), 1300.01m, "PAY-003", Samples.Now));
        aid.Disburse(new SchoolTerm(2026, 2), 1300m, "PAY-004", Samples.Now);

        Assert.Equal(CareRules.DisbursementExceedsApproval, over.Rule);
        Assert.Equal(AidStatus.Disbursed, aid.Status);
        Assert.Equal(["PAY-001", "PAY-004"], aid.Disbursements.Select(d => d.PaymentReference));
        Assert.Equal(2600m, aid.DisbursedThisAidYear);
    }

    [Theory]
    [InlineData(0, "PAY", "amount")]
    [InlineData(-5, "PAY", "amount")]
    [InlineData(100, "", "payment_reference")]
    [InlineData(100, "  ", "payment_reference")]
    public void Disburse_WhenInputBad_NamesTheField(double amount, string reference, string field)
    {
        var (aid, _) = Samples.VerifiedAid();
        var (fund, budget) = Samples.Fund(10000m);
        aid.Approve(fund, budget, Samples.Amounts, 2026, Samples.Now);

        var ex = Assert.Throws<ValidationFailedException>(() => aid.Disburse(new SchoolTerm(2026, 1), (decimal)amount, reference, Samples.Now));

        Assert.Equal(field, ex.Violations[0].Field);
        Assert.Empty(aid.Disbursements);
    }

    [Fact]
    public void Renew_AfterAnnualReview_CommitsTheNextYearsBudgetAtTheNewStage()
    {
        var (aid, _) = Samples.VerifiedAid(SchoolStage.Primary);
        var (fund, budget2026) = Samples.Fund(10000m);
        var budget2027 = FundBudget.Create(fund.Id, 2027, 3000m);
        aid.Approve(fund, budget2026, Samples.Amounts, 2026, Samples.Now);
        aid.Disburse(new SchoolTerm(2026, 1), 1300m, "PAY-1", Samples.Now);
        aid.BeginAnnualReview(Samples.Now);

        aid.Renew(fund, budget2027, Samples.Amounts, SchoolStage.JuniorHigh, 2027, Samples.Today, Samples.Now);

        Assert.Equal(AidStatus.Renewed, aid.Status);
        Assert.Equal(2800m, budget2027.Committed);
        Assert.Equal(2027, aid.AidYear);
        Assert.Equal(0m, aid.DisbursedThisAidYear);
    }

    [Fact]
    public void Renew_WhenSameYearAgain_IsRefused()
    {
        var (aid, _) = Samples.VerifiedAid();
        var (fund, budget) = Samples.Fund(10000m);
        aid.Approve(fund, budget, Samples.Amounts, 2026, Samples.Now);
        aid.Disburse(new SchoolTerm(2026, 1), 1300m, "PAY-1", Samples.Now);
        aid.BeginAnnualReview(Samples.Now);

        var ex = Assert.Throws<CareRuleException>(() =>
            aid.Renew(fund, budget, Samples.Amounts, SchoolStage.Primary, 2026, Samples.Today, Samples.Now));

        Assert.Equal(CareRules.WrongBudgetYear, ex.Rule);
        Assert.Equal(AidStatus.AnnualReview, aid.Status);
    }

    [Fact]
    public void Graduate_AfterOneTermPaid_ExitsAndReturnsTheUnpaidRest()
    {
        var (aid, _) = Samples.VerifiedAid(SchoolStage.SeniorHigh);
        var (fund, budget) = Samples.Fund(10000m);
        aid.Approve(fund, budget, Samples.Amounts, 2026, Samples.Now);
        aid.Disburse(new SchoolTerm(2026, 1), 1500m, "PAY-1", Samples.Now);

        aid.Graduate(budget, Samples.Today, Samples.Now);

        Assert.Equal(AidStatus.Exited, aid.Status);
        Assert.Equal(ExitReason.Graduated, aid.ExitReason);
        Assert.Equal(1500m, budget.Committed);
        Assert.Equal(AidStatus.Exited, aid.Timeline[^1].To);
    }

    [Fact]
    public void Verify_WhenHardshipNotConfirmed_IsRefused()
    {
        var (family, child) = Samples.FamilyWithChild();
        var aid = StudentAid.Identify(Guid.NewGuid(), family, child, Samples.Today);
        aid.Apply(child, "王芳", Samples.Today, Samples.Now);

        var ex = Assert.Throws<CareRuleException>(() => aid.Verify(false, true, Samples.Now));

        Assert.Equal(CareRules.VerificationIncomplete, ex.Rule);
        Assert.Equal(AidStatus.Applied, aid.Status);
    }

    [Theory]
    [InlineData(AidTier.Province, "330000", true)]
    [InlineData(AidTier.City, "330100", true)]
    [InlineData(AidTier.County, "330106", true)]
    [InlineData(AidTier.County, "330100", false)]
    [InlineData(AidTier.City, "330000", false)]
    [InlineData(AidTier.Province, "330106", false)]
    public void CreateFund_WhenTierAndRegionLevel_MustAgree(AidTier tier, string region, bool valid)
    {
        var ex = Record.Exception(() => AidFund.Create(Guid.NewGuid(), "基金", tier, region));

        if (valid)
        {
            Assert.Null(ex);
        }
        else
        {
            Assert.Equal("fund.region", Assert.IsType<ValidationFailedException>(ex).Violations[0].Field);
        }
    }

    [Theory]
    [InlineData("2026-08-01", 2026, 1)]
    [InlineData("2027-01-31", 2026, 1)]
    [InlineData("2027-02-01", 2026, 2)]
    [InlineData("2027-07-31", 2026, 2)]
    public void SchoolTermContaining_ForBoundaryDates_IsTheRightTerm(string day, int year, int half)
    {
        var term = SchoolTerm.Containing(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new SchoolTerm(year, half), term);
        Assert.True(SchoolTerm.TryParse(term.ToString(), out var parsed));
        Assert.Equal(term, parsed);
    }
}
