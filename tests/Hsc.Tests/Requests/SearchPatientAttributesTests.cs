using DonationRegistry.Hsc.V1;
using DonationRegistry.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace DonationRegistry.Hsc.Tests.Requests;

/// <summary>
/// SubmitSearch passes the patient's ABO group and CMV status to the engine, which ranks ABO-identical and CMV-same donors first
/// among otherwise equal donors; unknown values are INVALID_ARGUMENT and store no search.
/// </summary>
[Collection(HscFixture.Collection)]
public sealed class SearchPatientAttributesTests(HscFixture fixture)
{
    private readonly DonorSteps _donors = new(fixture);

    /// <summary>A typing no other test uses, so the two donors below are the only ones found.</summary>
    private const string Typing = "A*23:01+A*30:01^B*13:02+B*49:01^DRB1*07:01+DRB1*13:01";

    [Fact]
    public async Task SubmitSearch_WhenThePatientsAboOrCmvIsGiven_RanksTheMatchingDonorFirst()
    {
        // Same typing, birth year and sex: only ABO/CMV and, last, the donor id (the O/positive donor is older, so first) differ.
        var groupO = await _donors.AvailableAsync(Typing, birthYear: 1990, sex: "Male", abo: AboGroup.AboO);
        var groupA = await _donors.AvailableAsync(Typing, birthYear: 1990, sex: "Male", abo: AboGroup.AboA);
        var pool = await _donors.CoordinatorAsync();
        await pool.SetDonorAttributesAsync(new SetDonorAttributesRequest { Name = groupO.Name, Cmv = CmvStatus.CmvPositive });
        await pool.SetDonorAttributesAsync(new SetDonorAttributesRequest { Name = groupA.Name, Cmv = CmvStatus.CmvNegative });
        await WaitUntilIndexedAsync(groupO.Name, groupA.Name);

        var neither = await OrderAsync(AboGroup.Unspecified, CmvStatus.Unspecified);
        var patientA = await OrderAsync(AboGroup.AboA, CmvStatus.Unspecified);
        var patientO = await OrderAsync(AboGroup.AboO, CmvStatus.Unspecified);
        var patientCmvNegative = await OrderAsync(AboGroup.Unspecified, CmvStatus.CmvNegative);

        Assert.Equal([groupO.Name, groupA.Name], neither);
        Assert.Equal([groupA.Name, groupO.Name], patientA);
        Assert.Equal([groupO.Name, groupA.Name], patientO);
        Assert.Equal([groupA.Name, groupO.Name], patientCmvNegative);
    }

    [Theory]
    [InlineData(99, 0, "patient_abo")]
    [InlineData(0, 7, "patient_cmv")]
    public async Task SubmitSearch_WhenThePatientsAboOrCmvIsUnknown_IsInvalidAndStoresNoSearch(int abo, int cmv, string field)
    {
        var search = fixture.Client<Search.SearchClient>(await fixture.CoordinatorTokenAsync());
        var before = await fixture.WithDbAsync(db => db.Searches.CountAsync());

        await RpcAssert.InvalidAsync(field, null, async () => await search.SubmitSearchAsync(new SubmitSearchRequest
        {
            PatientReference = "P-abo", PatientTyping = Typing, Criteria = new SearchCriteria { Preset = CriteriaPreset.SixOfSix },
            PatientAbo = (AboGroup)abo, PatientCmv = (CmvStatus)cmv,
        }));

        Assert.Equal(before, await fixture.WithDbAsync(db => db.Searches.CountAsync()));
    }

    private async Task<IReadOnlyList<string>> OrderAsync(AboGroup abo, CmvStatus cmv)
    {
        var search = fixture.Client<Search.SearchClient>(await fixture.CoordinatorTokenAsync());
        var summary = await search.SubmitSearchAsync(new SubmitSearchRequest
        {
            PatientReference = "P-abo-" + Guid.NewGuid().ToString("N")[..8], PatientTyping = Typing,
            Criteria = new SearchCriteria { Preset = CriteriaPreset.SixOfSix }, PatientAbo = abo, PatientCmv = cmv,
        });
        var results = await search.GetSearchResultsAsync(new GetSearchResultsRequest { Name = summary.Name });
        return [.. results.Matches.Select(m => m.Donor)];
    }

    /// <summary>Attribute changes reach the index right after the commit; this guards against a slow replica all the same.</summary>
    private async Task WaitUntilIndexedAsync(params string[] donors) =>
        Assert.True(await Eventually.HoldsAsync(async () => (await OrderAsync(AboGroup.Unspecified, CmvStatus.Unspecified)).Count == donors.Length));
}
