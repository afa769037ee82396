using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Security;
using Xunit;

namespace DonationRegistry.Registration.Tests;

/// <summary>
/// Injection-shaped strings (<see cref="InjectionStrings"/>) in every filter of SearchRegistrations, asked by the provincial officer
/// who sees everything: the name filter (exact or prefix) answers OK and matches nothing (no stored name starts with them — a LIKE
/// wildcard taken as such would match every row), the identifier filters answer OK-and-nothing or INVALID_ARGUMENT naming the field;
/// the over-long input may be INVALID_ARGUMENT anywhere.
/// </summary>
[Collection(RegistrationFixture.Collection)]
public sealed class InjectionTests(RegistrationFixture fixture)
{
    private static readonly string[] Filters =
    [
        "full_name", "registration_number", "id_number", "registration_point", "region_code", "created_from",
    ];

    public static IEnumerable<object[]> Cases =>
        from filter in Filters
        from index in Enumerable.Range(0, InjectionStrings.All.Count)
        select new object[] { filter, index };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SearchRegistrations_WhenAFilterIsInjectionShaped_AnswersNormally(string field, int index)
    {
        var point = await EnsurePointWithRegistrationAsync();
        var text = InjectionStrings.All[index];
        var request = new SearchRegistrationsRequest { Purpose = RegistrationSteps.Purpose, RegionCode = field == "region_code" ? text : "" };
        switch (field)
        {
            case "full_name": request.FullName = text; break;
            case "registration_number": request.RegistrationNumber = text; break;
            case "id_number": request.IdType = IdType.ResidentId; request.IdNumber = text; break;
            case "registration_point": request.RegistrationPoint = text; break;
            case "created_from": request.CreatedFrom = text; break;
        }
        var officer = fixture.Client<Registrations.RegistrationsClient>(await fixture.ProvincialOfficerTokenAsync());

        var refused = await InjectionAssert.AnswersNormallyAsync(field, text, freeText: field == "full_name",
            async () => (await officer.SearchRegistrationsAsync(request)).Registrations.Count);

        Assert.NotNull(point);
        if (refused is not null)
        {
            Assert.Contains(field, RpcAssert.Violations(refused));
        }
    }

    private static TestPoint? _point;

    // One registered volunteer (名 张三) in the database, so that "matches everything" would show.
    private async Task<TestPoint> EnsurePointWithRegistrationAsync()
    {
        if (_point is null)
        {
            var point = await fixture.CreateActivePointAsync();
            await new RegistrationSteps(fixture).RegisteredAsync(point);
            _point = point;
        }
        return _point;
    }
}
