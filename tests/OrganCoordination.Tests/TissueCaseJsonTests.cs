using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>
/// Tissue cases over HTTP/JSON (gRPC JSON transcoding), as curl calls them with a coordinator's real token, on the service whose
/// clock the test sets: a countdown past its deadline is a negative duration, which the transcoder once refused with HTTP 500
/// "Non-normalized duration value" when it carried a fraction of a second.
/// </summary>
[Collection(OrganFixture.Collection)]
public sealed class TissueCaseJsonTests(OrganFixture fixture)
{
    // Half a second past the hour, so the time left is not a whole number of seconds.
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 8, 0, 0, 500, TimeSpan.Zero);

    [Fact]
    public async Task CreateAndGetTissueCase_OverJsonAfterTheDeadline_AnswerTheNegativeTimeLeftInWholeSeconds()
    {
        var (_, _, token) = await ClockedSteps.AtAsync(fixture, Now);
        using var http = (await fixture.ClockedOrganAsync()).Http(token);
        var body = new
        {
            requestId = Guid.NewGuid().ToString(),
            kind = "CORNEA",
            regionCode = OrganFixture.Region,
            orgId = OrganFixture.Hospital,
            receivingUnit = "receivingUnits/" + OrganFixture.EyeBank,
            deathTime = "2026-07-01T01:00:00Z",   // a summer cornea: 6 h, so the deadline passed an hour and half a second ago
            familyCareContactConsent = true,
        };

        using var created = await http.PostAsJsonAsync(new Uri("/v1/tissueCases", UriKind.Relative), body);
        var createdJson = await JsonOf(created);
        using var read = await http.GetAsync(new Uri($"/v1/{createdJson.GetProperty("name").GetString()}?purpose=json+test", UriKind.Relative));
        var readJson = await JsonOf(read);

        foreach (var answer in new[] { createdJson, readJson })
        {
            Assert.Equal("-3600s", answer.GetProperty("timeLeft").GetString());
            Assert.True(answer.GetProperty("windowBreached").GetBoolean());
        }
    }

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }
}
