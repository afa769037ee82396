using DonationRegistry.FamilyCare.Domain;
using DonationRegistry.FamilyCare.Domain.Aid;
using DonationRegistry.FamilyCare.Domain.Families;
using DonationRegistry.FamilyCare.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.FamilyCare.Application;

/// <summary>
/// Student aid: funds and yearly budgets (managers), and each child's case through <see cref="AidLifecycle"/>. Approvals and renewals
/// lock the budget row (SELECT … FOR UPDATE) inside their transaction, so concurrent approvals are serialised and together never
/// exceed the budget; the row version (xmin) guards every other write.
/// </summary>
public sealed class AidCommands(FamilyCareDbContext db, UnitOfWork unitOfWork, AuditLog audit, CareClock clock, AidAmountTable amounts)
{
    public async Task<(AidFund Fund, IReadOnlyList<FundBudget> Budgets)> CreateFundAsync(Caller caller, Guid requestId, string name,
        AidTier tier, string region, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ManageFunds, region);
        var fund = AidFund.Create(requestId, name, tier, region);
        if (await db.Funds.AsNoTracking().AnyAsync(f => f.Id == requestId, cancellationToken))
        {
            return await GetFundAsync(caller, requestId, cancellationToken);
        }
        await unitOfWork.RunAsync(ct =>
        {
            db.Funds.Add(fund);
            audit.Changed("CreateAidFund", AuditSubjects.AidFund, fund.Id, caller.ToActor(), $"{tier} {region}");
            return Task.FromResult(fund);
        }, cancellationToken);
        return (fund, []);
    }

    public async Task<(AidFund Fund, IReadOnlyList<FundBudget> Budgets)> SetBudgetAsync(Caller caller, Guid fundId, int year, decimal amount,
        CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ManageFunds);
        await unitOfWork.RunAsync(async ct =>
        {
            var fund = await db.Funds.FirstOrDefaultAsync(f => f.Id == fundId, ct) ?? throw FundNotFound(fundId);
            CareAccess.Require(caller, Operation.ManageFunds, fund.Region);
            var budget = await LockBudgetAsync(fundId, year, ct);
            if (budget is null)
            {
                db.Budgets.Add(FundBudget.Create(fundId, year, amount));
            }
            else
            {
                budget.Adjust(amount);
            }
            audit.Changed("SetFundBudget", AuditSubjects.AidFund, fundId, caller.ToActor(), $"{year}: {amount} yuan");
            return fund;
        }, cancellationToken);
        return await GetFundAsync(caller, fundId, cancellationToken);
    }

    public async Task<(AidFund Fund, IReadOnlyList<FundBudget> Budgets)> GetFundAsync(Caller caller, Guid fundId, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ReadCare);
        var fund = await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fundId, cancellationToken) ?? throw FundNotFound(fundId);
        if (!CareAccess.Covers(caller, fund.Region) && !RegionCodes.Contains(fund.Region, caller.Region ?? "-"))
        {
            throw new AccessDeniedException($"Fund {fundId} belongs to region {fund.Region}.", "该基金不在您所属地区范围内。");
        }
        var budgets = await db.Budgets.AsNoTracking().Where(b => b.FundId == fundId).OrderBy(b => b.Year).ToListAsync(cancellationToken);
        return (fund, budgets);
    }

    public async Task<StudentAid> CreateCaseAsync(Caller caller, Guid requestId, Guid familyId, Guid childId, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ManageAid);
        if (await db.AidCases.AsNoTracking().AnyAsync(a => a.Id == requestId, cancellationToken))
        {
            return await GetCaseAsync(caller, requestId, cancellationToken);
        }
        return await unitOfWork.RunAsync(async ct =>
        {
            var family = await db.Families.AsNoTracking().FirstOrDefaultAsync(f => f.Id == familyId, ct)
                ?? throw FamilyCommands.NotFound(familyId);
            CareAccess.Require(caller, Operation.ManageAid, family.Region);
            var aid = StudentAid.Identify(requestId, family, family.Child(childId), clock.Today);
            if (await db.AidCases.AnyAsync(a => a.ChildId == childId && a.Status != AidStatus.Exited, ct))
            {
                throw new DuplicateException($"Child {childId} already has an open aid case.", "该儿童已有进行中的助学记录。");
            }
            db.AidCases.Add(aid);
            audit.Changed("CreateAidCase", AuditSubjects.AidCase, aid.Id, caller.ToActor(), $"family {familyId}");
            return aid;
        }, cancellationToken);
    }

    public async Task<StudentAid> GetCaseAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ReadCare);
        var aid = await db.AidCases.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw CaseNotFound(id);
        var region = await RegionOfAsync(aid.FamilyId, cancellationToken);
        CareAccess.Require(caller, Operation.ReadCare, region);
        audit.Read("GetAidCase", AuditSubjects.AidCase, [aid.Id], caller.ToActor(), "student aid");
        await db.SaveChangesAsync(cancellationToken);
        return aid;
    }

    public Task<StudentAid> ApplyAsync(Caller caller, Guid id, string guardian, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, Operation.ManageAid, "ApplyAidCase", async (aid, family, _) =>
        {
            aid.Apply(family.Child(aid.ChildId), guardian, clock.Today, clock.Now);
            await Task.CompletedTask;
            return null;
        }, cancellationToken);

    public Task<StudentAid> VerifyAsync(Caller caller, Guid id, bool hardship, bool enrolment, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, Operation.ManageAid, "VerifyAidCase", (aid, _, _) =>
        {
            aid.Verify(hardship, enrolment, clock.Now);
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    public Task<StudentAid> ApproveAsync(Caller caller, Guid id, Guid fundId, int year, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, Operation.ApproveAid, "ApproveAidCase", async (aid, family, ct) =>
        {
            var (fund, budget) = await FundAndLockedBudgetAsync(fundId, year, family, ct);
            aid.Approve(fund, budget, amounts, year, clock.Now);
            return $"fund {fundId} {year}: {aid.AnnualAmount} yuan";
        }, cancellationToken);

    public Task<StudentAid> DisburseAsync(Caller caller, Guid id, SchoolTerm term, decimal amount, string reference,
        CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, Operation.ManageAid, "DisburseAidCase", (aid, _, _) =>
        {
            aid.Disburse(term, amount, reference, clock.Now);
            return Task.FromResult<string?>($"{term}: {amount} yuan");
        }, cancellationToken);

    public Task<StudentAid> BeginReviewAsync(Caller caller, Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, Operation.ManageAid, "BeginAnnualReview", (aid, _, _) =>
        {
            aid.BeginAnnualReview(clock.Now);
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    public Task<StudentAid> RenewAsync(Caller caller, Guid id, Guid fundId, int year, SchoolStage stage, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, Operation.ApproveAid, "RenewAidCase", async (aid, family, ct) =>
        {
            var (fund, budget) = await FundAndLockedBudgetAsync(fundId, year, family, ct);
            aid.Renew(fund, budget, amounts, stage, year, clock.Today, clock.Now);
            return $"fund {fundId} {year}: {aid.AnnualAmount} yuan";
        }, cancellationToken);

    public Task<StudentAid> ExitAsync(Caller caller, Guid id, ExitReason reason, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, Operation.ManageAid, "ExitAidCase", async (aid, _, ct) =>
        {
            var budget = aid.FundId is { } fundId && aid.AidYear is { } year ? await LockBudgetAsync(fundId, year, ct) : null;
            aid.Exit(reason, budget, clock.Today, clock.Now);
            return reason.ToString();
        }, cancellationToken);

    private Task<StudentAid> ChangeAsync(Caller caller, Guid id, Operation operation, string name,
        Func<StudentAid, Family, CancellationToken, Task<string?>> change, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, operation);
        return unitOfWork.RunAsync(async ct =>
        {
            var aid = await db.AidCases.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw CaseNotFound(id);
            var family = await db.Families.AsNoTracking().FirstOrDefaultAsync(f => f.Id == aid.FamilyId, ct)
                ?? throw FamilyCommands.NotFound(aid.FamilyId);
            CareAccess.Require(caller, operation, family.Region);
            var note = await change(aid, family, ct);
            audit.Changed(name, AuditSubjects.AidCase, aid.Id, caller.ToActor(), note);
            return aid;
        }, cancellationToken);
    }

    private async Task<(AidFund Fund, FundBudget Budget)> FundAndLockedBudgetAsync(Guid fundId, int year, Family family, CancellationToken ct)
    {
        var fund = await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fundId, ct) ?? throw FundNotFound(fundId);
        if (!fund.Covers(family.Region))
        {
            throw new CareRuleException("FUND_OUTSIDE_REGION", $"Fund {fundId} ({fund.Region}) does not cover region {family.Region}.",
                "该基金不覆盖该家庭所在地区。");
        }
        var budget = await LockBudgetAsync(fundId, year, ct)
            ?? throw new CareRuleException(CareRules.BudgetExceeded, $"Fund {fundId} has no budget for {year}.", $"该基金没有 {year} 年度预算。");
        return (fund, budget);
    }

    /// <summary>The budget row, locked until the transaction ends: concurrent approvals wait here and then see the committed total.</summary>
    private Task<FundBudget?> LockBudgetAsync(Guid fundId, int year, CancellationToken ct) =>
        db.Budgets.FromSqlInterpolated($"SELECT *, xmin FROM fund_budgets WHERE \"FundId\" = {fundId} AND \"Year\" = {year} FOR UPDATE")
            .FirstOrDefaultAsync(ct);

    private async Task<string> RegionOfAsync(Guid familyId, CancellationToken ct) =>
        await db.Families.AsNoTracking().Where(f => f.Id == familyId).Select(f => f.Region).FirstOrDefaultAsync(ct)
            ?? throw FamilyCommands.NotFound(familyId);

    private static NotFoundException FundNotFound(Guid id) => new(Names.AidFunds, id.ToString(), "未找到该助学基金。");

    private static NotFoundException CaseNotFound(Guid id) => new(Names.AidCases, id.ToString(), "未找到该助学记录。");
}
