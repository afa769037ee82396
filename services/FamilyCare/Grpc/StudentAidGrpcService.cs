using DonationRegistry.FamilyCare.Application;
using DonationRegistry.FamilyCare.V1;
using Grpc.Core;
using Aid = DonationRegistry.FamilyCare.Domain.Aid;
using Families = DonationRegistry.FamilyCare.Domain.Families;

namespace DonationRegistry.FamilyCare.Grpc;

/// <summary>The StudentAid API: validates every field first, then calls <see cref="AidCommands"/> (and <see cref="CareLists"/>).</summary>
public sealed class StudentAidGrpcService(AidCommands aid, CareLists lists) : StudentAid.StudentAidBase
{
    public override async Task<ListAidFundsResponse> ListAidFunds(ListAidFundsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var region = fields.Region(string.IsNullOrEmpty(request.RegionCode) ? caller.Region : request.RegionCode, "region_code");
        fields.Range(request.PageSize, 0, PageTokens.MaxSize, "page_size");
        fields.ThrowIfAny();
        var (funds, next) = await lists.FundsAsync(caller, region, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListAidFundsResponse { NextPageToken = next ?? "" };
        response.Funds.AddRange(funds.Select(f => CareMapping.ToMessage(f.Fund, f.Budgets)));
        return response;
    }

    public override async Task<ListAidCasesResponse> ListAidCases(ListAidCasesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var region = fields.Region(string.IsNullOrEmpty(request.RegionCode) ? caller.Region : request.RegionCode, "region_code");
        Guid? family = string.IsNullOrEmpty(request.Family) ? null : fields.Name(request.Family, Names.Families, "family");
        Guid? fund = string.IsNullOrEmpty(request.Fund) ? null : fields.Name(request.Fund, Names.AidFunds, "fund");
        if (request.Status != AidStatus.Unspecified && !Enum.IsDefined(request.Status))
        {
            fields.Add("status", "Unknown state.");
        }
        fields.Range(request.PageSize, 0, PageTokens.MaxSize, "page_size");
        fields.ThrowIfAny();
        var (cases, next) = await lists.AidCasesAsync(caller, region, family, fund,
            request.Status == AidStatus.Unspecified ? null : (Aid.AidStatus)request.Status, request.PageSize, request.PageToken,
            context.CancellationToken);
        var response = new ListAidCasesResponse { NextPageToken = next ?? "" };
        response.AidCases.AddRange(cases.Select(CareMapping.ToMessage));
        return response;
    }

    private const int FirstYear = 2016;
    private const int LastYear = 2100;

    public override async Task<AidFund> CreateAidFund(CreateAidFundRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var requestId = fields.Uuid(request.RequestId, "request_id");
        if (request.Fund is null)
        {
            fields.Add("fund", "The fund is required.");
        }
        var name = fields.Text(request.Fund?.DisplayName, "fund.display_name", 100);
        var tier = fields.Enum(request.Fund?.Tier ?? AidTier.Unspecified, "fund.tier");
        var region = fields.Region(request.Fund?.RegionCode, "fund.region_code");
        fields.ThrowIfAny();
        var (fund, budgets) = await aid.CreateFundAsync(caller, requestId, name, (Aid.AidTier)tier, region, context.CancellationToken);
        return CareMapping.ToMessage(fund, budgets);
    }

    public override async Task<AidFund> SetFundBudget(SetFundBudgetRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.AidFunds, "name");
        var year = fields.Range(request.Year, FirstYear, LastYear, "year");
        var amount = fields.Yuan(request.AmountFen, "amount_fen");
        fields.ThrowIfAny();
        var (fund, budgets) = await aid.SetBudgetAsync(caller, id, year, amount, context.CancellationToken);
        return CareMapping.ToMessage(fund, budgets);
    }

    public override async Task<AidFund> GetAidFund(GetAidFundRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.AidFunds, "name");
        fields.ThrowIfAny();
        var (fund, budgets) = await aid.GetFundAsync(caller, id, context.CancellationToken);
        return CareMapping.ToMessage(fund, budgets);
    }

    public override async Task<AidCase> CreateAidCase(CreateAidCaseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var requestId = fields.Uuid(request.RequestId, "request_id");
        var family = fields.Name(request.Family, Names.Families, "family");
        var child = fields.Uuid(request.ChildId, "child_id");
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await aid.CreateCaseAsync(caller, requestId, family, child, context.CancellationToken));
    }

    public override async Task<AidCase> GetAidCase(GetAidCaseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.AidCases, "name");
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await aid.GetCaseAsync(caller, id, context.CancellationToken));
    }

    public override async Task<AidCase> ApplyAidCase(ApplyAidCaseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.AidCases, "name");
        var guardian = fields.Text(request.GuardianName, "guardian_name", 50);
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await aid.ApplyAsync(caller, id, guardian, context.CancellationToken));
    }

    public override async Task<AidCase> VerifyAidCase(VerifyAidCaseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.AidCases, "name");
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await aid.VerifyAsync(caller, id, request.HardshipVerified, request.EnrolmentVerified,
            context.CancellationToken));
    }

    public override async Task<AidCase> ApproveAidCase(ApproveAidCaseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.AidCases, "name");
        var fund = fields.Name(request.Fund, Names.AidFunds, "fund");
        var year = fields.Range(request.Year, FirstYear, LastYear, "year");
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await aid.ApproveAsync(caller, id, fund, year, context.CancellationToken));
    }

    public override async Task<AidCase> DisburseAidCase(DisburseAidCaseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.AidCases, "name");
        if (!Aid.SchoolTerm.TryParse(request.Term, out var term))
        {
            fields.Add("term", "Must be a school term YYYY-1 (autumn) or YYYY-2 (spring).");
        }
        var amount = fields.Yuan(request.AmountFen, "amount_fen");
        var reference = fields.Text(request.PaymentReference, "payment_reference", 64);
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await aid.DisburseAsync(caller, id, term, amount, reference, context.CancellationToken));
    }

    public override async Task<AidCase> BeginAnnualReview(BeginAnnualReviewRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.AidCases, "name");
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await aid.BeginReviewAsync(caller, id, context.CancellationToken));
    }

    public override async Task<AidCase> RenewAidCase(RenewAidCaseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.AidCases, "name");
        var fund = fields.Name(request.Fund, Names.AidFunds, "fund");
        var year = fields.Range(request.Year, FirstYear, LastYear, "year");
        var stage = fields.Enum(request.Stage, "stage");
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await aid.RenewAsync(caller, id, fund, year, (Families.SchoolStage)stage, context.CancellationToken));
    }

    public override async Task<AidCase> ExitAidCase(ExitAidCaseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.AidCases, "name");
        var reason = fields.Enum(request.Reason, "reason");
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await aid.ExitAsync(caller, id, (Aid.ExitReason)reason, context.CancellationToken));
    }
}
