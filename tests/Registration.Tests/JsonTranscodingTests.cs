using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace DonationRegistry.Registration.Tests;

/// <summary>The same API over HTTP/JSON (gRPC JSON transcoding), as curl would call it with a token.</summary>
[Collection(RegistrationFixture.Collection)]
public sealed class JsonTranscodingTests(RegistrationFixture fixture)
{
    [Fact]
    public async Task PostRegistration_WhenClerkSendsJson_CreatesDraftAndGetReturnsIt()
    {
        var point = await fixture.CreateActivePointAsync();
        using var http = fixture.Host.Http(point.ClerkToken);
        var body = new
        {
            requestId = Guid.NewGuid().ToString(),
            registration = new
            {
                registrationPoint = point.Name,
                channel = "AUTHORISED_POINT",
                programme = "ORGAN",
                scope = new[] { "KIDNEY" },
                person = new { fullName = "张三", idType = "RESIDENT_ID", idNumber = TestPeople.NewIdNumber(), phone = "13800138000" },
                consents = new { sensitiveData = true, transferToProvincialCentre = true },
            },
        };

        using var created = await http.PostAsJsonAsync(new Uri("/v1/registrations", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.Equal("DRAFT", json.RootElement.GetProperty("status").GetString());
        var name = json.RootElement.GetProperty("name").GetString()!;

        var read = await http.GetStringAsync(new Uri($"/v1/{name}?purpose=check", UriKind.Relative));
        Assert.Contains("\"status\":\"DRAFT\"", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyCertificate_OverHttpWithoutToken_AnswersInvalidForUnknownNumber()
    {
        using var anonymous = fixture.Host.Http();

        var body = await anonymous.GetStringAsync(new Uri("/v1/certificates/ZJ-330106-2026-999999-0:verify?verificationCode=ABCDEFGH", UriKind.Relative));

        Assert.DoesNotContain("\"valid\":true", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostRegistration_WhenInvalid_Returns400()
    {
        var point = await fixture.CreateActivePointAsync();
        using var http = fixture.Host.Http(point.ClerkToken);

        using var response = await http.PostAsJsonAsync(new Uri("/v1/registrations", UriKind.Relative),
            new { requestId = Guid.NewGuid().ToString(), registration = new { registrationPoint = point.Name } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("registration.person", body, StringComparison.Ordinal); // the field violations reach the JSON caller
    }
}
