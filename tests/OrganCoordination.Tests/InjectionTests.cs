using DonationRegistry.OrganCoordination.V1;
using DonationRegistry.TestSupport.Security;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// Injection-shaped strings (<see cref="InjectionStrings"/>) in the filter and free-text fields of the OrganCoordination list rpcs:
/// the public memorial list's site and the receiving-unit filters answer OK-and-nothing or INVALID_ARGUMENT naming the field; the
/// audited purpose (free text, stored) is accepted as text — never INTERNAL, never the whole list for a filter.
/// </summary>
[Collection(OrganFixture.Collection)]
public sealed class InjectionTests(OrganFixture fixture)
{
    private const string Purpose = "injection probe";

    private static readonly string[] Filters =
    [
        "ListMemorials.site", "ListBodyCases.receiving_unit", "ListTissueCases.receiving_unit", "ListBodyCases.purpose",
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
        await fixture.EnsureUnitsAsync();
        var token = await fixture.ProvincialOfficerTokenAsync();

        var refused = await InjectionAssert.AnswersNormallyAsync(field, text, freeText: field == "ListBodyCases.purpose", field switch
        {
            "ListMemorials.site" => async () =>
                (await fixture.Memorials(null).ListMemorialsAsync(new ListMemorialsRequest { Site = text })).Memorials.Count,
            "ListBodyCases.receiving_unit" => async () =>
                (await fixture.Bodies(token).ListBodyCasesAsync(new ListBodyCasesRequest { ReceivingUnit = text, Purpose = Purpose })).BodyCases.Count,
            "ListTissueCases.receiving_unit" => async () =>
                (await fixture.Tissues(token).ListTissueCasesAsync(new ListTissueCasesRequest { ReceivingUnit = text, Purpose = Purpose })).TissueCases.Count,
            // Not a filter: the answer is every case the officer may see; only the status matters.
            _ => async () =>
            {
                await fixture.Bodies(token).ListBodyCasesAsync(new ListBodyCasesRequest { Purpose = text });
                return 0;
            },
        });

        if (refused is not null)
        {
            var violations = refused.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field) ?? [];
            Assert.Contains(field.Split('.')[1], violations);
        }
    }
}
