using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace DonationRegistry.Portal.E2E;

/// <summary>
/// Every main page on a 1280×800 screen and on a 390-px-wide phone (390×844): the page never scrolls sideways (a wide table may scroll
/// inside its own container), and its heading and primary action can be seen where a person looks for them.
/// </summary>
[Collection(AppHostSystem.Collection)]
public sealed class PageLayoutTests(AppHostSystem system)
{
    /// <summary>
    /// User ("" = not signed in), path ({request}, {case}, {organCase}, {family} and {visit} are made by the set-up), the page's
    /// heading, the primary action's data-testid (a|b: whichever the data gives, e.g. a row's button or the empty-list note), and the
    /// names of the 1280×800 and the phone screenshots for docs/screenshots ("" for none: a journey takes a better one, or none is
    /// needed).
    /// </summary>
    public static TheoryData<string, string, string, string, string, string> Pages => new()
    {
        { "clerk", "desk", "本点登记", "search", "desk-registrations", "" },
        { "clerk", "desk/new", "新登记", "submit-registration", "", "" },
        { "officer.hz", "registry/points", "登记点管理", "filter", "registry-points", "" },
        { "officer.hz", "registry/queue", "待确认登记", "confirm|queue-empty", "", "" },
        { "officer.hz", "registry/statistics", "统计", "stat-load", "registry-statistics", "" },
        { "hsc.nb", "hsc/search", "供者检索", "run-search", "", "" },
        { "hsc.nb", "hsc/requests", "供者请求", "open-request", "hsc-requests", "" },
        { "hsc.nb", "{request}", "供者请求", "request-case", "", "" },
        { "hsc.nb", "hsc/cases", "采集案例", "open-case", "", "" },
        { "hospital.nb", "{case}", "采集案例", "complete-exam", "", "" },
        { "hsc.nb", "hsc/diagram", "采集流程图", "diagram", "hsc-diagram", "" },
        { "coordinator", "organ", "捐献案例", "create-case", "organ-cases", "" },
        { "coordinator", "{organCase}", "捐献案例", "action-CheckRegistry", "", "" },
        { "coordinator", "organ/tissue", "角膜与脑组织", "tissue-cases|empty", "", "" },
        { "care.hz", "care", "捐献者家庭", "care-search", "care-families", "" },
        { "care.hz", "care/calendar", "走访日历", "ics-download", "", "phone-care-calendar" },
        { "care.hz", "care/due", "待办事项", "due-items|empty", "", "phone-care-due" },
        { "care.hz", "care/plan", "周计划", "propose", "", "" },
        { "care.hz", "care/campaigns", "走访活动", "campaign|empty", "", "" },
        { "care.hz", "{family}", "家庭详情", "family-status", "care-family", "" },
        { "care.hz", "{visit}", "走访", "record-outcome", "", "phone-care-visit" },
        { "admin", "admin/users", "用户与角色", "create-user", "", "" },
        { "auditor", "admin/audit", "审计日志", "audit-search", "", "" },
        { "", "verify", "登记证书查验", "verify-submit", "", "" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_At1280x800AndOnA390PxPhone_FitsTheWidthAndShowsHeadingAndPrimaryAction(string user, string path, string heading,
        string action, string screenshot, string phoneScreenshot)
    {
        path = await ResolveAsync(path);
        var desktop = await system.NewPageAsync();
        if (user.Length > 0)
        {
            if (user == "care.hz")
            {
                await CareSetup.RegisterStaffAsync(system, "care.hz", "孙丽", "330100");
            }
            await Browser.SignInAsync(desktop, user, path);
        }
        else
        {
            await Browser.OpenAsync(desktop, path);
        }
        await AssertLaidOutAsync(desktop, path, heading, action, "1280×800");
        if (screenshot.Length > 0)
        {
            await AppHostSystem.ScreenshotAsync(desktop, screenshot);
        }

        // The same person on a phone: the sign-in cookie carried over, the page opened afresh at 390×844.
        var phone = await system.NewPhonePageAsync(await desktop.Context.StorageStateAsync());
        await Browser.OpenAsync(phone, path);
        await AssertLaidOutAsync(phone, path, heading, action, "390×844");
        if (phoneScreenshot.Length > 0)
        {
            await phone.EvaluateAsync("() => window.scrollTo(0, 0)");
            await AppHostSystem.ScreenshotAsync(phone, phoneScreenshot);
        }
    }

    [Fact]
    public async Task SearchResults_OnA390PxPhone_ScrollInsideTheirTableNotThePage()
    {
        var page = await system.NewPhonePageAsync();
        await Browser.SignInAsync(page, "hsc.nb", "hsc/search");
        await page.ByTestId("fill-example").ClickAsync();
        await page.ByTestId("run-search").ClickAsync();
        await Expect(page.ByTestId("match").First).ToBeVisibleAsync();

        await AssertLaidOutAsync(page, "hsc/search (results)", "供者检索", "pick-donor", "390×844");
        // The table is wider than the phone: it scrolls within its own container, which fits the screen.
        var table = await page.ByTestId("matches").EvaluateAsync<int[]>(
            "e => { const c = e.querySelector('.mud-table-container') ?? e; return [c.scrollWidth, c.clientWidth, Math.round(c.getBoundingClientRect().right)]; }");
        Assert.True(table[1] <= 390 && table[2] <= 390, $"The results' container is {table[1]} px wide, its right edge at {table[2]} px.");
    }

    private static async Task AssertLaidOutAsync(IPage page, string path, string heading, string action, string screen)
    {
        var title = page.Locator(".mud-main-content h4").First;
        await Expect(title).ToHaveTextAsync(heading);
        var primary = page.Locator(string.Join(", ", action.Split('|').Select(id => $"[data-testid={id}]"))).First;
        await Expect(primary).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var width = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(width[0] <= width[1] + 1,
            $"{path} at {screen} scrolls sideways: {width[0]} px of content on a {width[1]} px wide screen. Widest: {await WidestAsync(page)}");

        // The app bar keeps to its height and the screen's width (a long title must not wrap out of it over the page).
        var spilling = await page.EvaluateAsync<string>(AppBarSpillScript);
        Assert.True(spilling.Length == 0, $"{path} at {screen}: the app bar's content spills out of it: {spilling}");

        // Seen, not only rendered: at the top of the page nothing (an open menu drawer, the app bar) lies over the heading, and the
        // primary action starts on the screen.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        Assert.True(await IsOnTopAsync(title, topEdge: true), $"{path} at {screen}: something covers the heading \"{heading}\".");
        await primary.ScrollIntoViewIfNeededAsync();
        var box = await primary.BoundingBoxAsync();
        Assert.True(box is not null && box.X >= 0 && box.X < width[1] && box.Width > 0,
            $"{path} at {screen}: the primary action [{action}] is off the screen ({box?.X} px from the left on a {width[1]} px screen).");
        Assert.True(await IsOnTopAsync(primary), $"{path} at {screen}: something covers the primary action [{action}].");
    }

    // The element (or something inside it) is what a tap would hit in the middle of its left part and, with topEdge (a heading
    // at the top of the page), also just below its top edge: a fixed bar over it would take the tap.
    private static Task<bool> IsOnTopAsync(ILocator element, bool topEdge = false) => element.EvaluateAsync<bool>("""
        (e, topEdge) => {
          const r = e.getBoundingClientRect();
          const x = Math.min(Math.max(r.left + Math.min(r.width, 40) / 2, 0), window.innerWidth - 1);
          const ys = (topEdge ? [r.top + Math.min(r.height / 2, 3), r.top + r.height / 2] : [r.top + r.height / 2])
            .map(y => Math.min(Math.max(y, 0), window.innerHeight - 1));
          return ys.every(y => { const hit = document.elementFromPoint(x, y); return !!hit && (e === hit || e.contains(hit) || hit.contains(e)); });
        }
        """, topEdge);

    // Elements of the app bar reaching below or above it, or beyond the screen's right edge ("" when none).
    private const string AppBarSpillScript = """
        () => {
          const bar = document.querySelector('.mud-appbar');
          if (!bar) return '';
          const b = bar.getBoundingClientRect();
          return [...bar.querySelectorAll('*')]
            .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && (r.bottom > b.bottom + 1 || r.top < b.top - 1 || r.right > window.innerWidth + 1); })
            .slice(0, 3).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${e.textContent.trim().slice(0, 20)})`).join('; ');
        }
        """;

    // For the failure message: the three elements reaching furthest to the right.
    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>("""
        () => [...document.querySelectorAll('.mud-main-content *')]
          .map(e => ({ e, right: e.getBoundingClientRect().right }))
          .sort((a, b) => b.right - a.right).slice(0, 3)
          .map(({ e, right }) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')} (right edge ${Math.round(right)} px)`)
          .join('; ')
        """);

    // The lists of requests and cases show the set-up's rows too, so their primary action (open one) is there whatever ran before.
    private async Task<string> ResolveAsync(string path)
    {
        if (path is "{request}" or "{case}" or "hsc/requests" or "hsc/cases")
        {
            var (request, collectionCase) = await LayoutSetup.HscAsync(system);
            return path switch { "{request}" => request, "{case}" => collectionCase, _ => path };
        }
        return path switch
        {
            "{organCase}" => await LayoutSetup.OrganCaseAsync(system),
            "{family}" => (await LayoutSetup.CareAsync(system)).Family,
            "{visit}" => (await LayoutSetup.CareAsync(system)).Visit,
            _ => path,
        };
    }
}
