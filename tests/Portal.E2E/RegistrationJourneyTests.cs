using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace DonationRegistry.Portal.E2E;

/// <summary>
/// The registration journey end to end in the browser: a clerk registers a volunteer with a witness and forwards it, the city
/// officer confirms it, the clerk sees the certificate with its verification code, and an anonymous visitor verifies it.
/// </summary>
[Collection(PortalSystem.Collection)]
public sealed partial class RegistrationJourneyTests(PortalSystem system)
{
    [Fact]
    public async Task Registration_WhenClerkRegistersWitnessesForwardsAndOfficerConfirms_VisitorVerifiesCertificate()
    {
        var name = TestPeople.Name();
        var clerk = await system.NewPageAsync();
        await Browser.SignInAsync(clerk, "clerk", "desk/new");
        await Expect(clerk.GetByRole(AriaRole.Heading, new() { Name = "新登记" })).ToBeVisibleAsync();

        // The form, in Chinese: scope, person (ID number checked as typed), consents.
        await clerk.GetByText("肾脏", new() { Exact = true }).ClickAsync();
        await clerk.Locator("#person-full-name").FillAsync(name);
        await clerk.Locator("#person-id-number").PressSequentiallyAsync(TestPeople.AdultIdNumber());
        await Expect(clerk.GetByText(AgeLine())).ToBeVisibleAsync();
        await clerk.Locator("#person-phone").FillAsync("13800138000");
        await clerk.GetByText("本人同意处理其敏感个人信息", new() { Exact = false }).ClickAsync();
        await clerk.GetByText("本人同意将登记信息报送省级中心", new() { Exact = false }).ClickAsync();
        await PortalSystem.ScreenshotAsync(clerk, "desk-new-registration");
        await clerk.ByTestId("submit-registration").ClickAsync();
        await clerk.WaitForURLAsync(new Regex("/desk/registrations/[^/]+$"));
        await Expect(clerk.ByTestId("reg-status")).ToHaveTextAsync("草稿");
        await Expect(clerk.ByTestId("reg-id-number")).ToHaveTextAsync(new Regex(@"^3301\*{10}\w{4}$"));

        // Witnessing: one witness, family informed, the scanned letter (only its SHA-256 leaves the browser's session).
        await clerk.Locator("#witness-0-name").FillAsync(TestPeople.Name());
        await clerk.Locator("#witness-0-relation").FillAsync("配偶");
        await clerk.Locator("#witness-0-id-number").FillAsync(TestPeople.AdultIdNumber());
        await clerk.GetByText("已告知家属").ClickAsync();
        await clerk.Locator("#letter-file").SetInputFilesAsync(new FilePayload
        {
            Name = "letter.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("%PDF-1.4 intent letter " + name),
        });
        await Expect(clerk.ByTestId("letter-hash")).ToBeVisibleAsync();
        await clerk.ByTestId("record-witnessing").ClickAsync();
        await Expect(clerk.ByTestId("reg-status")).ToHaveTextAsync("待报送");
        await clerk.ByTestId("forward").ClickAsync();
        await Expect(clerk.ByTestId("reg-status")).ToHaveTextAsync("已报送");
        var registrationUrl = clerk.Url;

        // The Hangzhou officer confirms it from the queue, and the statistics count it.
        var officer = await system.NewPageAsync();
        await Browser.SignInAsync(officer, "officer.hz", "registry/statistics");
        var before = await NewOrganRegistrationsThisMonthAsync(officer);
        await Browser.OpenAsync(officer, "registry/queue");
        var row = officer.ByTestId("queue-row").Filter(new() { HasText = name });
        await row.ByTestIdIn("confirm").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await PortalSystem.ScreenshotAsync(officer, "registry-queue");
        await Browser.OpenAsync(officer, "registry/statistics");
        Assert.Equal(before + 1, await NewOrganRegistrationsThisMonthAsync(officer));

        // The clerk sees the certificate and its verification code.
        await Browser.OpenAsync(clerk, registrationUrl);
        await Expect(clerk.ByTestId("reg-status")).ToHaveTextAsync("已登记");
        var code = (await clerk.ByTestId("verification-code").TextContentAsync())!.Trim();
        var number = (await clerk.ByTestId("reg-number").TextContentAsync())!.Trim();
        Assert.NotEmpty(code);
        await clerk.ByTestId("open-certificate").ClickAsync();
        await Expect(clerk.ByTestId("certificate-code")).ToHaveTextAsync(code);
        await Expect(clerk.ByTestId("certificate-number")).ToHaveTextAsync(number);
        await PortalSystem.ScreenshotAsync(clerk, "desk-certificate");

        // Anyone can verify it without signing in; only the masked name comes back.
        var visitor = await system.NewPageAsync();
        await Browser.OpenAsync(visitor, $"verify?number={Uri.EscapeDataString(number)}&code={Uri.EscapeDataString(code)}");
        await visitor.ByTestId("verify-submit").ClickAsync();
        await Expect(visitor.ByTestId("verify-valid")).ToContainTextAsync(name[..1]);
        await Expect(visitor.ByTestId("verify-valid")).Not.ToContainTextAsync(name);
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
            "wrong-check" => TestPeople.WithWrongCheckCharacter(number),
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

    private static Regex AgeLine() => AgeLineRegex();

    [GeneratedRegex(@"\d+ 岁，[男女]")]
    private static partial Regex AgeLineRegex();
}
