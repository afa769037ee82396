using DonationRegistry.Common;
using DonationRegistry.FamilyCare.V1;

namespace DonationRegistry.SystemTests.Journeys;

/// <summary>The families FamilyCare holds for a pseudonymous reference, as the demo care worker of Hangzhou (care.hz) lists them.</summary>
public static class FamilyReferrals
{
    public static async Task<IReadOnlyList<Family>> OfReferenceAsync(SystemFixture system, string reference)
    {
        var families = new Families.FamiliesClient(system.Channel("familycare", await system.TokenAsync("care.hz", Scopes.FamilyCare)));
        var found = new List<Family>();
        var request = new ListFamiliesRequest { PageSize = 200 };
        do
        {
            var page = await families.ListFamiliesAsync(request);
            found.AddRange(page.Families.Where(f => f.Reference == reference));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return found;
    }
}
