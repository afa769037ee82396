using DonationRegistry.Common;
using DonationRegistry.FamilyCare.V1;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.FamilyCare.Tests;

/// <summary>Every human role × one rpc of each operation kind: allowed (OK) or PERMISSION_DENIED, written out here on its own.</summary>
[Collection(FamilyCareFixture.Collection)]
public sealed class AuthorizationMatrixTests(FamilyCareFixture fixture)
{
    public enum Call
    {
        GetFamily,
        ListDueItems,
        AddElder,
        CreateAidCase,
        ApproveAidCase,
        CreateAidFund,
        CreateVisit,
        RegisterStaffMember,
    }

    private static readonly Dictionary<string, Call[]> AllowedCalls = new()
    {
        [Roles.FamilyCareStaff] = [Call.GetFamily, Call.ListDueItems, Call.AddElder, Call.CreateAidCase, Call.CreateVisit],
        [Roles.RegistryOfficer] = [Call.GetFamily, Call.ListDueItems, Call.ApproveAidCase, Call.CreateAidFund, Call.CreateVisit, Call.RegisterStaffMember],
        [Roles.Administrator] = [Call.RegisterStaffMember],
        [Roles.Auditor] = [Call.GetFamily, Call.ListDueItems],
    };

    public static TheoryData<string, Call> Matrix()
    {
        var data = new TheoryData<string, Call>();
        foreach (var role in Roles.People)
        {
            foreach (var call in Enum.GetValues<Call>())
            {
                data.Add(role, call);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Rpc_ByRole_IsAllowedOnlyWhereTheMatrixSays(string role, Call call)
    {
        var token = await fixture.TokenAsync(role, FamilyCareFixture.City);
        var expectAllowed = AllowedCalls.TryGetValue(role, out var calls) && calls.Contains(call);

        var ex = await Record.ExceptionAsync(() => InvokeAsync(call, token));

        if (expectAllowed)
        {
            Assert.Null(ex);
        }
        else
        {
            Assert.Equal(StatusCode.PermissionDenied, Assert.IsType<RpcException>(ex).StatusCode);
        }
    }

    [Theory]
    [InlineData(Roles.FamilyCareStaff, "330200", false)]
    [InlineData(Roles.FamilyCareStaff, "330106", true)]
    [InlineData(Roles.FamilyCareStaff, "330105", false)]
    [InlineData(Roles.Auditor, "330000", true)]
    [InlineData(Roles.RegistryOfficer, "330200", false)]
    public async Task GetFamily_ByCallerRegion_IsAllowedOnlyInsideIt(string role, string region, bool allowed)
    {
        var family = await fixture.EnrolledFamilyAsync(FamilyCareFixture.County);
        var client = fixture.Client<Families.FamiliesClient>(await fixture.TokenAsync(role, region));

        var ex = await Record.ExceptionAsync(() => client.GetFamilyAsync(new GetFamilyRequest { Name = family }).ResponseAsync);

        if (allowed)
        {
            Assert.Null(ex);
        }
        else
        {
            Assert.Equal(StatusCode.PermissionDenied, Assert.IsType<RpcException>(ex).StatusCode);
        }
    }

    [Fact]
    public async Task AnyRpc_WithoutToken_IsUnauthenticated()
    {
        var client = fixture.Client<Families.FamiliesClient>(null);

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () =>
            client.GetFamilyAsync(new GetFamilyRequest { Name = "families/" + Guid.NewGuid() }).ResponseAsync);
    }

    private async Task InvokeAsync(Call call, string token)
    {
        var families = fixture.Client<Families.FamiliesClient>(token);
        var aid = fixture.Client<StudentAid.StudentAidClient>(token);
        var visits = fixture.Client<Visits.VisitsClient>(token);
        switch (call)
        {
            case Call.GetFamily:
                await families.GetFamilyAsync(new GetFamilyRequest { Name = await fixture.EnrolledFamilyAsync() });
                break;
            case Call.ListDueItems:
                await visits.ListDueItemsAsync(new ListDueItemsRequest { RegionCode = FamilyCareFixture.County });
                break;
            case Call.AddElder:
                await families.AddElderAsync(new AddElderRequest
                {
                    Name = await fixture.EnrolledFamilyAsync(), DisplayName = "张奶奶", Age = 78, Health = "良好", LivingSituation = LivingSituation.Alone,
                });
                break;
            case Call.CreateAidCase:
                var (family, child) = await fixture.FamilyWithChildAsync();
                await aid.CreateAidCaseAsync(new CreateAidCaseRequest { RequestId = Guid.NewGuid().ToString(), Family = family, ChildId = child });
                break;
            case Call.ApproveAidCase:
                var (caseName, fund) = await VerifiedCaseWithFundAsync();
                await aid.ApproveAidCaseAsync(new ApproveAidCaseRequest { Name = caseName, Fund = fund, Year = 2026 });
                break;
            case Call.CreateAidFund:
                await aid.CreateAidFundAsync(new CreateAidFundRequest
                {
                    RequestId = Guid.NewGuid().ToString(),
                    Fund = new AidFund { DisplayName = "西湖区助学基金", Tier = AidTier.County, RegionCode = FamilyCareFixture.County },
                });
                break;
            case Call.CreateVisit:
                await visits.CreateVisitAsync(new CreateVisitRequest { RequestId = Guid.NewGuid().ToString(), Family = await fixture.EnrolledFamilyAsync() });
                break;
            case Call.RegisterStaffMember:
                await visits.RegisterStaffMemberAsync(new RegisterStaffMemberRequest
                {
                    StaffMember = new StaffMember { Name = "staffMembers/u-" + Guid.NewGuid().ToString("N")[..12], DisplayName = "志愿者", RegionCode = FamilyCareFixture.County },
                });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(call));
        }
    }

    private async Task<(string Case, string Fund)> VerifiedCaseWithFundAsync()
    {
        var manager = fixture.Client<StudentAid.StudentAidClient>(await fixture.ManagerTokenAsync());
        var staff = fixture.Client<StudentAid.StudentAidClient>(await fixture.StaffTokenAsync());
        var fund = await manager.CreateAidFundAsync(new CreateAidFundRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Fund = new AidFund { DisplayName = "杭州市助学基金", Tier = AidTier.City, RegionCode = FamilyCareFixture.City },
        });
        await manager.SetFundBudgetAsync(new SetFundBudgetRequest { Name = fund.Name, Year = 2026, AmountFen = 1_000_000 });
        var (family, child) = await fixture.FamilyWithChildAsync();
        var aidCase = await staff.CreateAidCaseAsync(new CreateAidCaseRequest { RequestId = Guid.NewGuid().ToString(), Family = family, ChildId = child });
        await staff.ApplyAidCaseAsync(new ApplyAidCaseRequest { Name = aidCase.Name, GuardianName = "王芳" });
        await staff.VerifyAidCaseAsync(new VerifyAidCaseRequest { Name = aidCase.Name, HardshipVerified = true, EnrolmentVerified = true });
        return (aidCase.Name, fund.Name);
    }
}
