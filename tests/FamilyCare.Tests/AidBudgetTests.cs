using DonationRegistry.Common;
using DonationRegistry.FamilyCare.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.FamilyCare.Tests;

[Collection(FamilyCareFixture.Collection)]
public sealed class AidBudgetTests(FamilyCareFixture fixture)
{
    [Fact]
    public async Task ApproveAidCase_WhenTwoApprovalsTogetherExceedTheBudget_ExactlyOneSucceeds()
    {
        var manager = fixture.Client<StudentAid.StudentAidClient>(await fixture.ManagerTokenAsync());
        var fund = await NewFundAsync(manager, budgetYuan: 4000); // one primary-school year is 2,600 yuan
        var first = await VerifiedCaseAsync();
        var second = await VerifiedCaseAsync();

        var results = await Task.WhenAll(
            TryAsync(() => manager.ApproveAidCaseAsync(new ApproveAidCaseRequest { Name = first, Fund = fund, Year = 2026 }).ResponseAsync),
            TryAsync(() => manager.ApproveAidCaseAsync(new ApproveAidCaseRequest { Name = second, Fund = fund, Year = 2026 }).ResponseAsync));

        Assert.Single(results, r => r is null);
        var refused = Assert.Single(results, r => r is not null)!;
        Assert.Contains(refused.StatusCode, new[] { StatusCode.FailedPrecondition, StatusCode.Aborted });
        var budget = (await manager.GetAidFundAsync(new GetAidFundRequest { Name = fund })).Budgets.Single();
        Assert.Equal(260_000, budget.CommittedFen);
        Assert.Equal(140_000, budget.RemainingFen);
    }

    [Fact]
    public async Task AidCase_ThroughItsLifecycle_DisbursesPerTermAndExitsOnGraduation()
    {
        var staff = fixture.Client<StudentAid.StudentAidClient>(await fixture.StaffTokenAsync());
        var manager = fixture.Client<StudentAid.StudentAidClient>(await fixture.ManagerTokenAsync());
        var fund = await NewFundAsync(manager, budgetYuan: 10000);
        var name = await VerifiedCaseAsync();

        await manager.ApproveAidCaseAsync(new ApproveAidCaseRequest { Name = name, Fund = fund, Year = 2026 });
        await staff.DisburseAidCaseAsync(new DisburseAidCaseRequest { Name = name, Term = "2026-1", AmountFen = 130_000, PaymentReference = "PAY-1" });
        var again = await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () =>
            staff.DisburseAidCaseAsync(new DisburseAidCaseRequest { Name = name, Term = "2026-1", AmountFen = 100, PaymentReference = "PAY-2" }).ResponseAsync);
        var exited = await staff.ExitAidCaseAsync(new ExitAidCaseRequest { Name = name, Reason = ExitReason.Graduated });

        Assert.Equal(AidStatus.Exited, exited.Status);
        Assert.Equal(ExitReason.Graduated, exited.ExitReason);
        Assert.Single(exited.Disbursements);
        Assert.Equal(["Identified→Applied", "Applied→Verified", "Verified→Approved", "Approved→Disbursed", "Disbursed→Exited"],
            exited.Timeline.Select(t => $"{t.From}→{t.To}"));
        // The unpaid half went back to the budget.
        Assert.Equal(130_000, (await manager.GetAidFundAsync(new GetAidFundRequest { Name = fund })).Budgets.Single().CommittedFen);
        Assert.NotNull(again);
    }

    [Fact]
    public async Task ApproveAidCase_WhenStaffNotManager_IsDenied()
    {
        var staff = fixture.Client<StudentAid.StudentAidClient>(await fixture.StaffTokenAsync());
        var manager = fixture.Client<StudentAid.StudentAidClient>(await fixture.ManagerTokenAsync());
        var fund = await NewFundAsync(manager, budgetYuan: 10000);
        var name = await VerifiedCaseAsync();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () =>
            staff.ApproveAidCaseAsync(new ApproveAidCaseRequest { Name = name, Fund = fund, Year = 2026 }).ResponseAsync);
    }

    private static async Task<string> NewFundAsync(StudentAid.StudentAidClient manager, int budgetYuan)
    {
        var fund = await manager.CreateAidFundAsync(new CreateAidFundRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Fund = new AidFund { DisplayName = "杭州市小桔灯助学基金", Tier = AidTier.City, RegionCode = FamilyCareFixture.City },
        });
        await manager.SetFundBudgetAsync(new SetFundBudgetRequest { Name = fund.Name, Year = 2026, AmountFen = budgetYuan * 100L });
        return fund.Name;
    }

    private async Task<string> VerifiedCaseAsync()
    {
        var staff = fixture.Client<StudentAid.StudentAidClient>(await fixture.StaffTokenAsync());
        var (family, child) = await fixture.FamilyWithChildAsync();
        var aid = await staff.CreateAidCaseAsync(new CreateAidCaseRequest { RequestId = Guid.NewGuid().ToString(), Family = family, ChildId = child });
        await staff.ApplyAidCaseAsync(new ApplyAidCaseRequest { Name = aid.Name, GuardianName = "王芳" });
        await staff.VerifyAidCaseAsync(new VerifyAidCaseRequest { Name = aid.Name, HardshipVerified = true, EnrolmentVerified = true });
        return aid.Name;
    }

    private static async Task<RpcException?> TryAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (RpcException ex)
        {
            return ex;
        }
    }
}
