using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace DonationRegistry.Portal.E2E;

/// <summary>The admin area: users and roles through Identity's admin rpcs, the audit log of every service, who may open them.</summary>
[Collection(AppHostSystem.Collection)]
public sealed partial class AdminTests(AppHostSystem system)
{
    // The audit page's names of the services that keep an audit log (Resources/Text.resx, Service.*).
    private static readonly string[] ServiceNames = ["志愿登记", "造血干细胞", "器官捐献协调", "小桔灯关爱"];

    [Fact]
    public async Task UsersPage_WhenAdministratorCreatesAssignsAndDisables_EachChangeIsShownAndTakesEffect()
    {
        var userName = "e2e." + Guid.NewGuid().ToString("N")[..8];
        const string Password = "Start#2026x";
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "admin", "admin/users");
        await Expect(page.ByTestId("user-row-name").Filter(new() { HasText = "clerk" }).First).ToBeVisibleAsync();
        await AppHostSystem.ScreenshotAsync(page, "admin-users");

        // A region code Identity refuses (no province 99) passes the page's own check: the service's violation shows at the field.
        await page.GetByLabel("登录名", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("姓名（显示名）", new() { Exact = true }).FillAsync("测试用户");
        await page.GetByLabel("初始密码", new() { Exact = true }).FillAsync(Password);
        await Browser.SelectAsync(page, "user-role", "登记点工作人员");
        await Browser.SelectAsync(page, "user-org-type", "登记点");
        await page.GetByLabel("机构编号", new() { Exact = true }).FillAsync("RP-330100-0001");
        await page.Locator("#user-region").FillAsync("990000");
        await page.ByTestId("create-user").ClickAsync();
        await Expect(FieldOf(page, "user-region")).ToContainTextAsync("990000");
        await Expect(page.ByTestId("problem")).ToBeVisibleAsync();

        await page.Locator("#user-region").FillAsync("330100");
        await page.ByTestId("create-user").ClickAsync();
        var row = page.Locator("tr").Filter(new() { Has = page.ByTestId("user-row-name").GetByText(userName, new() { Exact = true }) });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.ByTestIdIn("user-row-role")).ToHaveTextAsync("登记点工作人员");
        await system.TokenAsync(userName, "registration", Password);

        // Assign another role and organisation with the etag of the row as read.
        await row.ByTestIdIn("edit-user").ClickAsync();
        await Browser.SelectAsync(page, "user-role", "红十字会登记管理员");
        await Browser.SelectAsync(page, "user-org-type", "市红十字会");
        await page.GetByLabel("机构编号", new() { Exact = true }).FillAsync("RC-330100");
        await page.ByTestId("assign-role").ClickAsync();
        await Expect(row.ByTestIdIn("user-row-role")).ToHaveTextAsync("红十字会登记管理员");

        // Disable: the account leaves the default list, shows as disabled on request, and can no longer get a token.
        await row.ByTestIdIn("edit-user").ClickAsync();
        await page.ByTestId("disable-user").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await page.GetByLabel("显示已停用账户").CheckAsync();
        await Expect(row.ByTestIdIn("user-row-status")).ToHaveTextAsync("已停用");
        await Assert.ThrowsAsync<InvalidOperationException>(() => system.TokenAsync(userName, "registration", Password));
    }

    [Fact]
    public async Task UsersPage_WhenFiltered_ShowsOnlyMatchingUsers()
    {
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "admin", "admin/users");
        await Expect(page.ByTestId("user-row-name").Filter(new() { HasText = "coordinator" }).First).ToBeVisibleAsync();

        await Browser.SelectAsync(page, "filter-role", "关爱工作人员");
        await Expect(page.ByTestId("user-row-role").First).ToHaveTextAsync("关爱工作人员");
        foreach (var role in await page.ByTestId("user-row-role").AllTextContentsAsync())
        {
            Assert.Equal("关爱工作人员", role);
        }
        await page.GetByLabel("按登录名、姓名或机构查找").FillAsync("no-such-user-anywhere");
        await Expect(page.ByTestId("empty")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("clerk", "admin/users")]
    [InlineData("auditor", "admin/users")]
    [InlineData("coordinator", "admin/audit")]
    [InlineData("officer.zj", "admin/audit")]
    public async Task AdminPage_WhenNotAllowed_ShowsTheRefusalAndNoData(string user, string path)
    {
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, user, path);

        await Expect(page.ByTestId("refusal")).ToBeVisibleAsync();
        await Expect(page.ByTestId("users")).ToHaveCountAsync(0);
        await Expect(page.ByTestId("audit-entries")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("admin", true)]
    [InlineData("auditor", false)]
    [InlineData("clerk", false)]
    public async Task Navigation_WhenSignedIn_ShowsTheAdminLinksOnlyToThoseAllowed(string user, bool usersLink)
    {
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, user);

        await Expect(page.ByTestId("nav-admin-users")).ToHaveCountAsync(usersLink ? 1 : 0);
        await Expect(page.ByTestId("nav-admin-audit")).ToHaveCountAsync(user == "clerk" ? 0 : 1);
    }

    [Fact]
    public async Task AuditPage_WhenAuditorSearches_ShowsWhoChangedAndReadPeoplesRecordsWithoutIdNumbers()
    {
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "auditor", "admin/audit");
        // The demo data was entered through the audited path ("SeedDemoData").
        await Expect(page.ByTestId("audit-entries")).ToBeVisibleAsync();
        await page.GetByLabel("操作", new() { Exact = true }).FillAsync("SeedDemoData");
        await page.ByTestId("audit-search").ClickAsync();
        await Expect(page.ByTestId("audit-operation-cell").First).ToHaveTextAsync("SeedDemoData");
        foreach (var operation in await page.ByTestId("audit-operation-cell").AllTextContentsAsync())
        {
            Assert.Equal("SeedDemoData", operation);
        }
        // Every service seeds its demo data this way; which of them fill the newest page depends on who seeded last.
        foreach (var service in await page.ByTestId("audit-service").AllTextContentsAsync())
        {
            Assert.Contains(service.Trim(), ServiceNames);
        }
        Assert.DoesNotMatch(IdNumber(), await page.Locator("body").InnerTextAsync());
        await AppHostSystem.ScreenshotAsync(page, "admin-audit");

        // Reading the log was itself recorded, as the auditor's read.
        await page.GetByLabel("操作", new() { Exact = true }).FillAsync("ListAuditEntries");
        await page.ByTestId("audit-search").ClickAsync();
        await Expect(page.ByTestId("audit-actor-cell").First).ToContainTextAsync("审计");
        await Expect(page.ByTestId("audit-action-cell").First).ToHaveTextAsync("查阅");
    }

    [Fact]
    public async Task AuditPage_WhenFilterIsBad_ShowsTheProblemAtTheField()
    {
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "admin", "admin/audit");

        await page.GetByLabel("记录编号").FillAsync("330106199001011234");
        await page.ByTestId("audit-search").ClickAsync();

        await Expect(FieldOf(page, "audit-subject")).ToContainTextAsync("UUID");
        await Expect(page.ByTestId("audit-entries")).ToHaveCountAsync(0);
    }

    private static ILocator FieldOf(IPage page, string inputId) =>
        page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("#" + inputId) });

    // A full resident ID number (17 digits and a check character) anywhere in the text.
    [GeneratedRegex(@"\d{17}[\dXx]")]
    private static partial Regex IdNumber();
}
