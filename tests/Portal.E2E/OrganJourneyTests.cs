using System.Text.Json;
using DonationRegistry.Common;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace DonationRegistry.Portal.E2E;

/// <summary>
/// A coordinator runs an organ case to completion through the Portal's case page (the registry office appoints the witnesses), and
/// the family, referred by the completion event over the broker, appears in the family-care worker's list.
/// </summary>
[Collection(AppHostSystem.Collection)]
public sealed partial class OrganJourneyTests(AppHostSystem system)
{
    [Fact]
    public async Task OrganCase_WhenCoordinatorRunsItToCompletion_FamilyAppearsInFamilyCare()
    {
        // The demo coordinator needs a certified credential to act; two more coordinators are the witnesses.
        await OrganSetup.EnsureCoordinatorCredentialAsync(system, "coordinator");
        var witness1 = await OrganSetup.CertifiedCredentialAsync(system, "witness-" + Guid.NewGuid().ToString("N")[..8]);
        var witness2 = await OrganSetup.CertifiedCredentialAsync(system, "witness-" + Guid.NewGuid().ToString("N")[..8]);
        await CareSetup.RegisterStaffAsync(system, "care.hz", "孙丽", "330100");

        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "coordinator", "organ");
        await page.Locator("#case-id-number").FillAsync(TestPeople.AdultIdNumber());
        await page.ByTestId("create-case").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/organ/organCases/", StringComparison.Ordinal));
        await Browser.InteractiveAsync(page);
        var caseUrl = new Uri(page.Url).AbsolutePath.TrimStart('/');
        // The address changes before the case page replaces the list (whose rows carry case-state too): wait for the page's own actions.
        await Expect(page.ByTestId("action-CheckRegistry")).ToBeVisibleAsync();
        await Expect(page.ByTestId("case-state")).ToHaveTextAsync("已上报");

        await StepAsync(page, "CheckRegistry", "已查询登记库");
        await StepAsync(page, "StartEvaluation", "评估中");
        await StepAsync(page, "ApproachFamily", "家属沟通");
        await StepAsync(page, "SignConsent", "家属已同意", async () =>
        {
            var organs = page.ByTestId("consent-organs");
            await organs.GetByText("肝脏", new() { Exact = true }).ClickAsync();
            await organs.GetByText("左肾", new() { Exact = true }).ClickAsync();
            await page.Locator("#step-document").FillAsync("CONSENT-E2E");
        });
        await Expect(page.ByTestId("consent")).ToContainTextAsync("肝脏");
        await StepAsync(page, "SubmitToEthics", "伦理审查");
        await StepAsync(page, "RecordEthicsDecision", "死亡判定中", () => page.Locator("#step-document").FillAsync("ETHICS-E2E"));
        await StepAsync(page, "DeclareDeath", "已判定死亡", async () =>
        {
            await page.Locator("#death-physicians").FillAsync("DR-0101 DR-0102");
            await page.Locator("#step-document").FillAsync("DEATH-E2E");
        });
        // Appointing witnesses is the registry office's step: the coordinator is not offered it.
        await Expect(page.ByTestId("action-AssignWitnesses")).ToHaveCountAsync(0);

        // The registry office appoints the two witnesses.
        var officer = await system.NewPageAsync();
        await Browser.SignInAsync(officer, "officer.zj", caseUrl);
        await StepAsync(officer, "AssignWitnesses", "已指派见证员", () => officer.Locator("#witness-credentials").FillAsync($"{witness1} {witness2}"));

        await Browser.OpenAsync(page, caseUrl);
        await Expect(page.ByTestId("witnesses")).ToContainTextAsync(witness1);
        await StepAsync(page, "StartAllocation", "分配中", () => page.Locator("#cotrs-id").FillAsync("COTRS-E2E-1"));
        await StepAsync(page, "StartProcurement", "获取中", () => page.Locator("#procurement-team").FillAsync("TEAM-01"));
        await StepAsync(page, "RecordOrganOutcome", "获取中", () => page.Locator("#outcome-hospital").FillAsync("浙江大学医学院附属第一医院"));
        await Expect(page.ByTestId("outcomes")).ToContainTextAsync("肝脏");
        await StepAsync(page, "RecordOrganOutcome", "获取中", () => page.Locator("#outcome-hospital").FillAsync("浙江省人民医院"));
        await Expect(page.ByTestId("outcomes")).ToContainTextAsync("左肾");
        await StepAsync(page, "RestoreBody", "遗体已修复", () => page.Locator("#step-document").FillAsync("RESTORE-E2E"));
        await StepAsync(page, "RecordWitnessReport", "已见证", () => page.Locator("#step-document").FillAsync("WITNESS-E2E"));
        await StepAsync(page, "ReleaseBody", "遗体已交接");
        await StepAsync(page, "IssueCertificate", "已颁发证书", () => page.Locator("#certificate-number").FillAsync("CERT-E2E-1"));
        await StepAsync(page, "Complete", "已完成");
        await Expect(page.ByTestId("no-actions")).ToBeVisibleAsync();
        await AppHostSystem.ScreenshotAsync(page, "organ-case");

        // The completion event reaches FamilyCare over the broker; the worker then finds the family in the list.
        var family = await ReferredFamilyAsync(caseUrl["organ/".Length..]);
        var care = await system.NewPageAsync();
        await Browser.SignInAsync(care, "care.hz", "care");
        var row = care.Locator("tr").Filter(new() { HasText = family["families/".Length..][..8] });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("器官捐献");
        await AppHostSystem.ScreenshotAsync(care, "care-referred-family");
    }

    [Fact]
    public async Task TissueCases_WhenOneWindowIsRunningAndOneMissed_ShowsTimeLeftAndFlagsTheBreach()
    {
        // Cornea: 6 h from death (12 h in winter); 1 h after death time is left in any season, 13 h after it is missed in any.
        var running = await OrganSetup.CorneaCaseAsync(system, TimeSpan.FromHours(1));
        var missed = await OrganSetup.CorneaCaseAsync(system, TimeSpan.FromHours(13));

        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "coordinator", "organ/tissue");

        // Both ids are the service's (time-ordered: made together, their first 8 characters, which the list shows, may be the
        // same); the time of death tells the rows apart.
        var runningRow = Row(page, running);
        await Expect(runningRow.ByTestIdIn("tissue-countdown")).ToHaveTextAsync(HoursLeft());
        await Expect(runningRow.ByTestIdIn("tissue-breach")).ToHaveCountAsync(0);
        var missedRow = Row(page, missed);
        await Expect(missedRow.ByTestIdIn("tissue-breach")).ToContainTextAsync("已超时");
        await Expect(missedRow.ByTestIdIn("tissue-countdown")).ToHaveCountAsync(0);
        await AppHostSystem.ScreenshotAsync(page, "organ-tissue");
    }

    // The list's row of a tissue case: its short id and its time of death as the page shows it (Asia/Shanghai, minutes).
    private static ILocator Row(IPage page, (string Name, DateTimeOffset DiedAt) tissueCase) =>
        page.Locator("tr").Filter(new() { HasText = tissueCase.Name["tissueCases/".Length..][..8] }).Filter(new()
        {
            HasText = tissueCase.DiedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });

    // Chooses the step's button, fills its form, sends it and waits for the state the service moved the case to.
    private static async Task StepAsync(IPage page, string action, string expectedState, Func<Task>? fill = null)
    {
        await page.ByTestId("action-" + action).ClickAsync();
        if (fill is not null)
        {
            await fill();
        }
        var outcomes = await page.ByTestId("outcomes").CountAsync() == 0 ? "" : await page.ByTestId("outcomes").InnerTextAsync();
        await page.ByTestId("step-submit").ClickAsync();
        await Expect(page.ByTestId("problem")).ToHaveCountAsync(0);
        await Expect(page.ByTestId("case-state")).ToHaveTextAsync(expectedState);
        if (action == "RecordOrganOutcome")
        {
            // The state stays "procuring": wait for the outcome itself.
            await Expect(page.ByTestId("outcomes")).Not.ToHaveTextAsync(outcomes);
        }
    }

    // The family FamilyCare holds under the case's pseudonymous family reference, as the care worker lists them ("families/{id}").
    private async Task<string> ReferredFamilyAsync(string caseName)
    {
        using var coordinator = await system.ClientAsync("organcoordination", "coordinator", Scopes.Organ);
        var organCase = await GetAsync(coordinator, $"v1/{caseName}?purpose=" + Uri.EscapeDataString("浏览器测试：取转介家庭的编号"));
        var reference = organCase.GetProperty("familyReference").GetString();
        using var care = await system.ClientAsync("familycare", "care.hz", Scopes.FamilyCare);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var pageToken = "";
            do
            {
                var page = await GetAsync(care, "v1/families?pageSize=200&pageToken=" + Uri.EscapeDataString(pageToken));
                if (page.TryGetProperty("families", out var families))
                {
                    foreach (var f in families.EnumerateArray().Where(f => f.GetProperty("reference").GetString() == reference))
                    {
                        return f.GetProperty("name").GetString()!;
                    }
                }
                pageToken = page.TryGetProperty("nextPageToken", out var next) ? next.GetString() ?? "" : "";
            }
            while (pageToken.Length > 0);
            Assert.True(DateTime.UtcNow < deadline, "No family referred for the completed case within 60 s (OrganDonationCompleted not consumed).");
            await Task.Delay(250);
        }
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    // A running cornea window an hour after death: 4-5 h left of 6 h, or 10-11 h of 12 h in winter.
    [System.Text.RegularExpressions.GeneratedRegex(@"^剩余 (4|5|10|11) 小时 \d+ 分$")]
    private static partial System.Text.RegularExpressions.Regex HoursLeft();
}
