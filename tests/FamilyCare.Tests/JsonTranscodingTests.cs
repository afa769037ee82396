using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace DonationRegistry.FamilyCare.Tests;

/// <summary>The http rules of familycare.proto answer JSON (what the Portal and scripts use).</summary>
[Collection(FamilyCareFixture.Collection)]
public sealed class JsonTranscodingTests(FamilyCareFixture fixture)
{
    [Fact]
    public async Task GetFamily_OverHttpJson_ReturnsTheFamily()
    {
        var family = await fixture.EnrolledFamilyAsync();
        using var http = fixture.Host.Http(await fixture.StaffTokenAsync());

        var json = await http.GetFromJsonAsync<JsonElement>(new Uri("/v1/" + family, UriKind.Relative));

        Assert.Equal(family, json.GetProperty("name").GetString());
        Assert.Equal("ENROLLED", json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AddElder_OverHttpJsonWithBadAge_IsBadRequest()
    {
        var family = await fixture.EnrolledFamilyAsync();
        using var http = fixture.Host.Http(await fixture.StaffTokenAsync());

        var response = await http.PostAsJsonAsync(new Uri($"/v1/{family}:addElder", UriKind.Relative),
            new { displayName = "李大爷", age = 20, health = "好", livingSituation = "ALONE" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("age", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
