using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;
using DonationRegistry.TestSupport.Security;

namespace DonationRegistry.Portal.E2E;

/// <summary>
/// The registration journey end to end in the browser: a clerk registers a volunteer with two witnesses and forwards it, the city
/// officer confirms it (and sees it counted), the clerk sees and downloads the certificate with its verification code, and an
/// anonymous visitor verifies it.
/// </summary>
[Collection(AppHostSystem.Collection)]
public sealed class RegistrationJourneyTests(AppHostSystem system)
{
    [Fact]
    public async Task Registration_WhenClerkRegistersWitnessesForwardsAndOfficerConfirms_VisitorVerifiesCertificate()
    {
        var name = TestPeople.Name();
        var clerk = await system.NewPageAsync();
        await Browser.SignInAsync(clerk, "clerk", "desk/new");
        var registration = await DeskSteps.RegisterWitnessAndForwardAsync(clerk, name, witnesses: 2, screenshots: true);

        // The Hangzhou officer confirms it from the queue, and the statistics count it.
        var officer = await system.NewPageAsync();
        await Browser.SignInAsync(officer, "officer.hz", "registry/statistics");
        var before = await NewOrganRegistrationsThisMonthAsync(officer);
        await DeskSteps.ConfirmFromQueueAsync(officer, name, screenshots: true);
        await Browser.OpenAsync(officer, "registry/statistics");
        Assert.Equal(before + 1, await NewOrganRegistrationsThisMonthAsync(officer));

        // The clerk sees and downloads the certificate; anyone can verify it without signing in.
        var (number, code) = await DeskSteps.CertificateAsync(clerk, registration, name, screenshots: true);
        var visitor = await system.NewPageAsync();
        await DeskSteps.VerifyAsync(visitor, number, code, name, screenshots: true);
    }

    [Theory]
    [InlineData("valid", "岁")]
    [InlineData("wrong-check", "校验码不正确")]
    [InlineData("letters", "前 17 位必须是数字")]
    public async Task IdNumberField_WhenTyped_ShowsDerivedAgeOrTheProblem(string kind, string expected)
    {
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "clerk", "desk/new");
        var number = TestPeople.AdultIdNumber();
        var typed = kind switch
        {
            "valid" => number,
            "wrong-check" => TestIdNumbers.WithWrongCheckCharacter(number),
            _ => "3301AB",
        };
        await page.Locator("#person-id-number").PressSequentiallyAsync(typed);
        await Expect(page.GetByText(expected, new() { Exact = false })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Register_WhenServiceRejectsPhone_ShowsViolationNextToPhoneField()
    {
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "clerk", "desk/new");
        await page.GetByText("肝脏", new() { Exact = true }).ClickAsync();
        await page.Locator("#person-full-name").FillAsync(TestPeople.Name());
        await page.Locator("#person-id-number").PressSequentiallyAsync(TestPeople.AdultIdNumber());
        await page.Locator("#person-phone").FillAsync("12345");
        await page.GetByText("本人同意处理其敏感个人信息", new() { Exact = false }).ClickAsync();
        await page.GetByText("本人同意将登记信息报送省级中心", new() { Exact = false }).ClickAsync();
        await page.ByTestId("submit-registration").ClickAsync();

        var phoneField = page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("#person-phone") });
        await Expect(phoneField).ToContainTextAsync("请填写以 1 开头的 11 位手机号码");
        await Expect(page.ByTestId("problem")).ToContainTextAsync("请检查标红的项目");
    }

    // The "new" cell of the organ programme's Hangzhou row of this month (Asia/Shanghai), 0 when there is no row yet.
    private static async Task<int> NewOrganRegistrationsThisMonthAsync(IPage officer)
    {
        await Expect(officer.ByTestId("stat-load")).ToBeVisibleAsync();
        await officer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var month = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))
            .ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var row = officer.ByTestId("statistics-row").Filter(new() { HasText = "器官" }).Filter(new() { HasText = month });
        if (await row.CountAsync() == 0)
        {
            return 0;
        }
        return int.Parse((await row.First.Locator("td").Nth(3).TextContentAsync())!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
