using DonationRegistry.Common;
using DonationRegistry.FamilyCare.V1;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Security;
using Xunit;

namespace DonationRegistry.FamilyCare.Tests;

/// <summary>
/// Injection-shaped strings (<see cref="InjectionStrings"/>) in every filter of the FamilyCare (小桔灯) list rpcs, asked by the
/// provincial manager who sees every family: each answers OK-and-nothing or INVALID_ARGUMENT naming the field — never INTERNAL,
/// never the whole list. FamilyCare has no free-text search; its filters are region codes, resource names and dates.
/// </summary>
[Collection(FamilyCareFixture.Collection)]
public sealed class InjectionTests(FamilyCareFixture fixture)
{
    private static int _familyReferred;

    private static readonly string[] Filters =
    [
        "ListFamilies.region_code", "ListVisits.family", "ListVisits.staff_member", "ListVisits.campaign", "ListVisits.from_date",
        "ListAidCases.family", "ListAidCases.fund", "ListAidCases.region_code",
    ];

    public static IEnumerable<object[]> Cases =>
        from filter in Filters
        from index in Enumerable.Range(0, InjectionStrings.All.Count)
        select new object[] { filter, index };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ListRpc_WhenAFilterIsInjectionShaped_AnswersNormally(string field, int index)
    {
        var text = InjectionStrings.All[index];
        if (Interlocked.Exchange(ref _familyReferred, 1) == 0)
        {
            await fixture.ReferredFamilyAsync(); // so that a filter taken as "anything" would find a family
        }
        var token = await fixture.ManagerTokenAsync(RegionCodes.Province);
        var families = fixture.Client<Families.FamiliesClient>(token);
        var visits = fixture.Client<Visits.VisitsClient>(token);
        var aid = fixture.Client<StudentAid.StudentAidClient>(token);

        var refused = await InjectionAssert.AnswersNormallyAsync(field, text, freeText: false, field switch
        {
            "ListFamilies.region_code" => async () => (await families.ListFamiliesAsync(new ListFamiliesRequest { RegionCode = text })).Families.Count,
            "ListVisits.family" => async () => (await visits.ListVisitsAsync(new ListVisitsRequest { Family = text })).Visits.Count,
            "ListVisits.staff_member" => async () => (await visits.ListVisitsAsync(new ListVisitsRequest { StaffMember = text })).Visits.Count,
            "ListVisits.campaign" => async () => (await visits.ListVisitsAsync(new ListVisitsRequest { Campaign = text })).Visits.Count,
            "ListVisits.from_date" => async () => (await visits.ListVisitsAsync(new ListVisitsRequest { FromDate = text })).Visits.Count,
            "ListAidCases.family" => async () => (await aid.ListAidCasesAsync(new ListAidCasesRequest { Family = text })).AidCases.Count,
            "ListAidCases.fund" => async () => (await aid.ListAidCasesAsync(new ListAidCasesRequest { Fund = text })).AidCases.Count,
            _ => async () => (await aid.ListAidCasesAsync(new ListAidCasesRequest { RegionCode = text })).AidCases.Count,
        });

        if (refused is not null)
        {
            Assert.Contains(field.Split('.')[1], RpcAssert.Violations(refused));
        }
    }
}
