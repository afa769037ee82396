using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport.Security;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Hsc.Tests;

/// <summary>
/// Injection-shaped strings (<see cref="InjectionStrings"/>) in every free-text and filter field of the HSC list rpcs, asked by a
/// Hangzhou coordinator whose region holds donors: the patient reference (free text) answers OK and finds nothing; the identifier
/// filters answer OK-and-nothing or INVALID_ARGUMENT naming the field — never INTERNAL, never the whole list.
/// </summary>
[Collection(HscFixture.Collection)]
public sealed class InjectionTests(HscFixture fixture)
{
    private const string Purpose = "injection probe";
    private static int _donorEnrolled;

    private static readonly string[] Filters =
    [
        "ListSearches.patient_reference", "ListDonors.region_code", "ListDonors.typed", "ListDonorRequests.donor",
        "ListDonorRequests.search", "ListDonorRequests.city_region", "ListCollectionCases.city_region",
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
        if (Interlocked.Exchange(ref _donorEnrolled, 1) == 0)
        {
            await fixture.EnrolAsync("330106"); // so that a filter taken as "anything" would find a donor
        }
        var channel = fixture.Host.Channel(await fixture.CoordinatorTokenAsync());
        var search = new Search.SearchClient(channel);
        var pool = new DonorPool.DonorPoolClient(channel);
        var requests = new DonorRequests.DonorRequestsClient(channel);
        var collection = new CollectionCases.CollectionCasesClient(channel);

        var refused = await InjectionAssert.AnswersNormallyAsync(field, text, freeText: field == "ListSearches.patient_reference", field switch
        {
            "ListSearches.patient_reference" => async () =>
                (await search.ListSearchesAsync(new ListSearchesRequest { PatientReference = text })).Searches.Count,
            "ListDonors.region_code" => async () =>
                (await pool.ListDonorsAsync(new ListDonorsRequest { RegionCode = text, Purpose = Purpose })).Donors.Count,
            "ListDonors.typed" => async () =>
                (await pool.ListDonorsAsync(new ListDonorsRequest { Typed = text, Purpose = Purpose })).Donors.Count,
            "ListDonorRequests.donor" => async () =>
                (await requests.ListDonorRequestsAsync(new ListDonorRequestsRequest { Donor = text, Purpose = Purpose })).DonorRequests.Count,
            "ListDonorRequests.search" => async () =>
                (await requests.ListDonorRequestsAsync(new ListDonorRequestsRequest { Search = text, Purpose = Purpose })).DonorRequests.Count,
            "ListDonorRequests.city_region" => async () =>
                (await requests.ListDonorRequestsAsync(new ListDonorRequestsRequest { CityRegion = text, Purpose = Purpose })).DonorRequests.Count,
            _ => async () =>
                (await collection.ListCollectionCasesAsync(new ListCollectionCasesRequest { CityRegion = text, Purpose = Purpose })).CollectionCases.Count,
        });

        if (refused is not null)
        {
            var violations = refused.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field) ?? [];
            Assert.Contains(field.Split('.')[1], violations);
        }
    }
}
