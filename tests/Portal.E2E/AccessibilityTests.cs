using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace DonationRegistry.Portal.E2E;

/// <summary>
/// Accessibility basics: every input of the main forms has an accessible name (what a screen reader announces and what
/// Playwright's GetByLabel finds), and the registration form can be completed with the keyboard alone.
/// </summary>
[Collection(AppHostSystem.Collection)]
public sealed partial class AccessibilityTests(AppHostSystem system)
{
    // Every form control in the page's main content without an accessible name: aria-labelledby, aria-label, a <label> (for= or
    // wrapping) or title, in that order (the parts of the accessible-name computation a form control uses). Controls that
    // assistive technology never sees (type=hidden, aria-hidden, inert) are skipped.
    private const string UnlabelledScript = """
        () => [...document.querySelectorAll('.mud-main-content input, .mud-main-content select, .mud-main-content textarea')]
          .filter(e => e.type !== 'hidden' && !e.closest('[aria-hidden=true]') && !e.closest('[inert]'))
          .filter(e => {
            const text = n => (n?.textContent ?? '').trim();
            const byIds = (e.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).map(id => text(document.getElementById(id))).join('');
            const byLabels = [...(e.labels ?? [])].map(text).join('');
            return (byIds + (e.getAttribute('aria-label') ?? '').trim() + byLabels + (e.getAttribute('title') ?? '').trim()).length === 0;
          })
          .map(e => `${e.tagName.toLowerCase()}#${e.id || '(no id)'}[type=${e.type}] in ${e.closest('[data-testid]')?.getAttribute('data-testid') ?? e.parentElement?.className}`)
        """;

    [Theory]
    [InlineData("clerk", "desk/new", "submit-registration")]
    [InlineData("clerk", "desk/import", "import-template")]
    [InlineData("admin", "admin/users", "create-user")]
    [InlineData("auditor", "admin/audit", "audit-search")]
    [InlineData("coordinator", "organ", "create-case")]
    [InlineData("care.hz", "care/plan", "propose")]
    public async Task Form_WhenOpened_EveryInputHasAnAccessibleLabel(string user, string path, string formTestId)
    {
        if (user == "care.hz")
        {
            await CareSetup.RegisterStaffAsync(system, "care.hz", "孙丽", "330100");
        }
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, user, path);
        await Expect(page.ByTestId(formTestId)).ToBeVisibleAsync();

        await AssertLabelledAsync(page);
    }

    [Fact]
    public async Task NewRegistration_WhenBodyAndTissueChosen_ExecutorInputsHaveAccessibleLabels()
    {
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "clerk", "desk/new");
        await page.GetByText("遗体、组织捐献", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator("#executor-name")).ToBeVisibleAsync();

        await AssertLabelledAsync(page);
        await Expect(page.GetByLabel("执行人名称")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task OrganStepForm_WhenConsentStepShown_EveryInputHasAnAccessibleLabel()
    {
        await OrganSetup.EnsureCoordinatorCredentialAsync(system, "coordinator");
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "coordinator", "organ");
        await page.Locator("#case-id-number").FillAsync(TestPeople.AdultIdNumber());
        await page.ByTestId("create-case").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/organ/organCases/", StringComparison.Ordinal));
        await Browser.InteractiveAsync(page);
        foreach (var (action, state) in new[] { ("CheckRegistry", "已查询登记库"), ("StartEvaluation", "评估中"), ("ApproachFamily", "家属沟通") })
        {
            await page.ByTestId("action-" + action).ClickAsync();
            await page.ByTestId("step-submit").ClickAsync();
            await Expect(page.ByTestId("case-state")).ToHaveTextAsync(state);
        }
        await page.ByTestId("action-SignConsent").ClickAsync();
        await Expect(page.ByTestId("consent-organs")).ToBeVisibleAsync();

        await AssertLabelledAsync(page);
        await Expect(page.GetByLabel("文书编号")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task VisitForm_WhenVisitedOrMissed_EveryInputHasAnAccessibleLabel()
    {
        var staff = await CareSetup.RegisterStaffAsync(system, "care.hz", "孙丽", "330100");
        var family = await CareSetup.FamilyWithElderAsync(system, "330106");
        var visit = await CareSetup.ScheduledVisitAsync(system, family, staff);
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "care.hz", "care/" + visit);
        await Expect(page.ByTestId("outcome-form")).ToBeVisibleAsync();

        // Visited: the outcome's fields.
        await AssertLabelledAsync(page);
        foreach (var (label, id) in new[] { ("慰问金（元）", "outcome-cash"), ("慰问物资", "outcome-goods"), ("发现的需求", "outcome-needs"), ("回访日期", "outcome-follow-up") })
        {
            await Expect(page.GetByLabel(label, new() { Exact = true })).ToHaveAttributeAsync("id", id);
        }
        await Expect(page.GetByLabel("家庭同意拍照留存")).ToHaveCountAsync(1);

        // Not visited: the reason instead.
        await page.ByTestId("visit-happened").GetByText("未能走访", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator("#outcome-missed-reason")).ToBeVisibleAsync();
        await AssertLabelledAsync(page);
        await Expect(page.GetByLabel("未走访原因", new() { Exact = true })).ToHaveAttributeAsync("id", "outcome-missed-reason");
    }

    [Fact]
    public async Task UserForm_WhenLabelsAreUsed_FindsEachInputByItsLabel()
    {
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "admin", "admin/users");

        foreach (var (label, id) in new[] { ("登录名", "user-name"), ("姓名（显示名）", "user-display-name"), ("初始密码", "user-password"), ("机构编号", "user-org-id"), ("行政区划代码", "user-region") })
        {
            await Expect(page.GetByLabel(label, new() { Exact = true })).ToHaveAttributeAsync("id", id);
        }
    }

    [Fact]
    public async Task NewRegistration_WhenCompletedWithTheKeyboardAlone_IsSavedAsDraft()
    {
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "clerk", "desk/new");
        await Expect(page.ByTestId("submit-registration")).ToBeEnabledAsync();

        // From the top of the page: Tab to each control, Space ticks a box, typing fills a field, Enter sends the form.
        await TabToAsync(page, "el => el.closest('[data-testid=scope]') && el.closest('label')?.textContent.includes('肝脏')");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "el => el.id === 'person-full-name'");
        await page.Keyboard.TypeAsync(TestPeople.Name());
        await TabToAsync(page, "el => el.id === 'person-id-number'");
        await page.Keyboard.TypeAsync(TestPeople.AdultIdNumber());
        await TabToAsync(page, "el => el.id === 'person-phone'");
        await page.Keyboard.TypeAsync("13800138000");
        await TabToAsync(page, "el => el.closest('[data-testid=consent-sensitive]') !== null");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "el => el.closest('[data-testid=consent-transfer]') !== null");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "el => el.closest('[data-testid=submit-registration]') !== null");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(DraftPage());
        await Expect(page.ByTestId("reg-status")).ToHaveTextAsync("草稿");
    }

    private static async Task AssertLabelledAsync(IPage page)
    {
        var unlabelled = await page.EvaluateAsync<string[]>(UnlabelledScript);
        Assert.True(unlabelled.Length == 0, "Inputs without an accessible label on " + page.Url + ":\n" + string.Join("\n", unlabelled));
    }

    // Presses Tab until the focused element matches (at most 80 presses: the navigation comes first).
    private static async Task TabToAsync(IPage page, string predicate)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"(() => {{ const el = document.activeElement; return !!el && !!(({predicate})(el)); }})()"))
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached the element ({predicate}); focus is on " +
            await page.EvaluateAsync<string>("document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'"));
    }

    [GeneratedRegex("/desk/registrations/[^/]+$")]
    private static partial Regex DraftPage();
}
