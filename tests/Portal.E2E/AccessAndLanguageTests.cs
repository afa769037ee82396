using System.Net.Http.Json;
using System.Text.Json;
using DonationRegistry.Common;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace DonationRegistry.Portal.E2E;

/// <summary>What each role sees, refusals in plain words, and the language switch.</summary>
[Collection(AppHostSystem.Collection)]
public sealed class AccessAndLanguageTests(AppHostSystem system)
{
    [Fact]
    public async Task RegistrationPage_WhenClerkOpensAnotherPointsVolunteer_ShowsClearRefusal()
    {
        var otherPoints = await RegistrationOutsideHangzhouAsync();
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "clerk", "desk/" + otherPoints);

        await Expect(page.ByTestId("problem")).ToContainTextAsync("无权操作");
        await Expect(page.ByTestId("reg-name")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("clerk", "nav-desk", "nav-queue")]
    [InlineData("officer.hz", "nav-queue", "nav-desk")]
    [InlineData("coordinator", "nav-verify", "nav-desk")]
    public async Task Navigation_WhenSignedIn_ShowsOnlyTheRolesAreas(string user, string shown, string hidden)
    {
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, user);

        await Expect(page.ByTestId(shown)).ToBeVisibleAsync();
        await Expect(page.ByTestId(hidden)).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("desk/new", "New registration", "新登记")]
    [InlineData("desk", "Registrations", "本点登记")]
    public async Task LanguageSwitch_WhenEnglishChosen_ShowsEnglishOnTheSamePageAndBack(string path, string english, string chinese)
    {
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "clerk", path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = chinese })).ToBeVisibleAsync();

        await page.ByTestId("lang-en").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = english })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        // The switch reloads the page: wait for the new circuit before the next click.
        await Browser.InteractiveAsync(page);
        await page.ByTestId("lang-zh").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = chinese })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("registry/points", "point-row", "RP-330100-0001")]
    [InlineData("registry/statistics", "statistics-row", "330100")]
    public async Task RegistryOffice_WhenCityOfficerOpensPage_ShowsTheCitysRows(string path, string rowTestId, string expected)
    {
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "officer.hz", path);

        await Expect(page.ByTestId(rowTestId).Filter(new() { HasText = expected }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ErrorPage_WhenShown_HasNoStackTrace()
    {
        var page = await system.NewPageAsync();
        await page.GotoAsync("error");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "出错了" })).ToBeVisibleAsync();
        Assert.DoesNotContain("   at ", await page.ContentAsync(), StringComparison.Ordinal);
    }

    // A demo volunteer registered in Ningbo (330200), which the Hangzhou clerk's point has nothing to do with.
    private async Task<string> RegistrationOutsideHangzhouAsync()
    {
        using var http = await system.ClientAsync("registration", "officer.zj", Scopes.Registration);
        using var response = await http.PostAsJsonAsync("v1/registrations:search",
            new { purpose = "浏览器测试：取一条其他城市的登记", regionCode = "330200", pageSize = 1 });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("registrations")[0].GetProperty("name").GetString()!;
    }
}
