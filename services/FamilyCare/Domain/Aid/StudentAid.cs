using DonationRegistry.FamilyCare.Domain.Families;

namespace DonationRegistry.FamilyCare.Domain.Aid;

/// <summary>
/// One child's student aid case (小桔灯助学), driven by <see cref="AidLifecycle"/>. Approval and renewal commit the yearly amount for the
/// child's stage from a fund's budget of that year; disbursements are per term and never exceed the approved amount of the aid year.
/// </summary>
public sealed class StudentAid
{
    private readonly List<Disbursement> _disbursements = [];
    private readonly List<AidTransition> _timeline = [];

    private StudentAid()
    {
    }

    public Guid Id { get; private set; }
    public Guid FamilyId { get; private set; }
    public Guid ChildId { get; private set; }
    public AidStatus Status { get; private set; }
    public SchoolStage Stage { get; private set; }
    public string? GuardianName { get; private set; }
    public bool HardshipVerified { get; private set; }
    public bool EnrolmentVerified { get; private set; }
    public Guid? FundId { get; private set; }
    public AidTier? Tier { get; private set; }
    /// <summary>The calendar year whose budget the current approval or renewal was committed from.</summary>
    public int? AidYear { get; private set; }
    public decimal AnnualAmount { get; private set; }
    public ExitReason? ExitReason { get; private set; }
    /// <summary>When the child was last reviewed (a visit or the annual review); reviewed once each term.</summary>
    public DateOnly? LastReviewedOn { get; private set; }
    public IReadOnlyList<Disbursement> Disbursements => _disbursements;
    public IReadOnlyList<AidTransition> Timeline => _timeline;

    /// <summary>Paid so far in the current aid year.</summary>
    public decimal DisbursedThisAidYear => _disbursements.Where(d => d.AidYear == AidYear).Sum(d => d.Amount);

    public static StudentAid Identify(Guid id, Family family, ChildMember child, DateOnly today)
    {
        family.EnsureEnrolled();
        child.EnsureDetailsAllowed(today);
        if (child.Stage is not { } stage)
        {
            throw new ValidationFailedException("child.stage", "Record the child's school stage before identifying aid.");
        }
        return new StudentAid { Id = id, FamilyId = family.Id, ChildId = child.Id, Stage = stage, Status = AidStatus.Identified };
    }

    /// <summary>The guardian applies (a child under 14 needs the guardian's consent on record first).</summary>
    public void Apply(ChildMember child, string guardianName, DateOnly today, DateTimeOffset at)
    {
        child.EnsureDetailsAllowed(today);
        if (string.IsNullOrWhiteSpace(guardianName))
        {
            throw new ValidationFailedException("guardian_name", "The applying guardian's name is required.");
        }
        Fire(AidTrigger.Apply, at, null);
        GuardianName = guardianName.Trim();
    }

    /// <summary>Hardship and enrolment checked; both must hold (otherwise the case exits as not eligible).</summary>
    public void Verify(bool hardship, bool enrolment, DateTimeOffset at)
    {
        if (!hardship || !enrolment)
        {
            throw new CareRuleException(CareRules.VerificationIncomplete,
                "Both the family's hardship and the child's school enrolment must be verified; otherwise exit as NoLongerEligible.",
                "须同时核实家庭困难和在校就读情况；不符合的请以“不再符合条件”退出。");
        }
        AllowedOrThrow(AidTrigger.Verify);
        HardshipVerified = hardship;
        EnrolmentVerified = enrolment;
        Fire(AidTrigger.Verify, at, null);
    }

    /// <summary>Approves the stage's yearly amount from <paramref name="budget"/>; never beyond its remainder.</summary>
    public void Approve(AidFund fund, FundBudget budget, AidAmountTable amounts, int year, DateTimeOffset at)
    {
        AllowedOrThrow(AidTrigger.Approve);
        Commit(fund, budget, amounts.AnnualAmountFor(Stage), year);
        Fire(AidTrigger.Approve, at, $"{fund.Tier} fund {fund.Id}, {year}: {AnnualAmount} yuan");
    }

    /// <summary>Pays one term; refused for a term already paid or beyond the aid year's approved amount.</summary>
    public void Disburse(SchoolTerm term, decimal amount, string paymentReference, DateTimeOffset at)
    {
        AllowedOrThrow(AidTrigger.Disburse);
        if (amount <= 0)
        {
            throw new ValidationFailedException("amount", "A disbursement must be a positive amount of yuan.");
        }
        if (string.IsNullOrWhiteSpace(paymentReference))
        {
            throw new ValidationFailedException("payment_reference", "Every disbursement needs the payment reference.");
        }
        if (_disbursements.Any(d => d.Term == term))
        {
            throw new DuplicateException($"Term {term} has already been paid for this child.", $"{term} 学期已发放。");
        }
        if (DisbursedThisAidYear + amount > AnnualAmount)
        {
            throw new CareRuleException(CareRules.DisbursementExceedsApproval,
                $"Paying {amount} yuan would exceed the {AnnualAmount} yuan approved for {AidYear} ({DisbursedThisAidYear} paid).",
                "发放金额超过本年度批准金额。");
        }
        Fire(AidTrigger.Disburse, at, $"{term}: {amount} yuan, ref {paymentReference}");
        _disbursements.Add(new Disbursement(AidYear!.Value, term, amount, paymentReference.Trim(), at, FundId));
    }

    public void BeginAnnualReview(DateTimeOffset at) => Fire(AidTrigger.BeginAnnualReview, at, null);

    /// <summary>The review renews aid for <paramref name="year"/> at the child's (possibly new) stage, from that year's budget.</summary>
    public void Renew(AidFund fund, FundBudget budget, AidAmountTable amounts, SchoolStage stage, int year, DateOnly today, DateTimeOffset at)
    {
        AllowedOrThrow(AidTrigger.Renew);
        if (year <= AidYear)
        {
            throw new CareRuleException(CareRules.WrongBudgetYear,
                $"A renewal is for a year after {AidYear}.", "续助须使用下一年度的预算。");
        }
        Commit(fund, budget, amounts.AnnualAmountFor(stage), year);
        Stage = stage;
        LastReviewedOn = today;
        Fire(AidTrigger.Renew, at, $"{fund.Tier} fund {fund.Id}, {year}: {AnnualAmount} yuan");
    }

    /// <summary>The child leaves aid; <paramref name="unpaidGoesBackTo"/> gets back what was committed but not paid.</summary>
    public void Exit(ExitReason reason, FundBudget? unpaidGoesBackTo, DateOnly today, DateTimeOffset at)
    {
        AllowedOrThrow(AidTrigger.Exit);
        if (unpaidGoesBackTo is not null && unpaidGoesBackTo.FundId == FundId && unpaidGoesBackTo.Year == AidYear)
        {
            unpaidGoesBackTo.Release(AnnualAmount - DisbursedThisAidYear);
        }
        ExitReason = reason;
        LastReviewedOn = today;
        Fire(AidTrigger.Exit, at, reason.ToString());
    }

    /// <summary>The child graduated: leaves aid with reason Graduated.</summary>
    public void Graduate(FundBudget? unpaidGoesBackTo, DateOnly today, DateTimeOffset at) =>
        Exit(Aid.ExitReason.Graduated, unpaidGoesBackTo, today, at);

    /// <summary>A term review (usually during a visit); not a state change.</summary>
    public void RecordReview(DateOnly on)
    {
        if (!AidLifecycle.Aided.Contains(Status))
        {
            throw new IllegalTransitionException(Status.ToString(), "RecordReview", [], "该助学不在资助期内，无需学期回访。");
        }
        LastReviewedOn = on;
    }

    private void Commit(AidFund fund, FundBudget budget, decimal amount, int year)
    {
        if (budget.FundId != fund.Id || budget.Year != year)
        {
            throw new CareRuleException(CareRules.WrongBudgetYear,
                $"The budget given is fund {budget.FundId}'s {budget.Year} budget, not fund {fund.Id}'s {year} budget.",
                "预算与基金或年度不一致。");
        }
        budget.Commit(amount);
        FundId = fund.Id;
        Tier = fund.Tier;
        AidYear = year;
        AnnualAmount = amount;
    }

    private void AllowedOrThrow(AidTrigger trigger)
    {
        if (!AidLifecycle.AllowedIn(Status).Contains(trigger))
        {
            // Let the machine raise its standard FAILED_PRECONDITION before anything changes.
            AidLifecycle.For(() => Status, _ => { }).Fire(trigger);
        }
    }

    private void Fire(AidTrigger trigger, DateTimeOffset at, string? note)
    {
        var from = Status;
        AidLifecycle.For(() => Status, s => Status = s).Fire(trigger);
        _timeline.Add(new AidTransition(from, Status, trigger, at, note));
    }
}
