extern alias familycare;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;
using FamilyCareDbContext = familycare::DonationRegistry.FamilyCare.Infrastructure.FamilyCareDbContext;

namespace DonationRegistry.Portal.E2E;

/// <summary>
/// A coordinator runs an organ case to completion through the Portal's case page (the registry office appoints the witnesses), and
/// the family, referred by the completion event over the broker, appears in the family-care worker's list.
/// </summary>
[Collection(PortalSystem.Collection)]
public sealed partial class OrganJourneyTests(PortalSystem system)
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
        await PortalSystem.ScreenshotAsync(page, "organ-case");

        // The completion event reaches FamilyCare over the broker; the worker then finds the family in the list.
        var caseId = Guid.Parse(caseUrl[(caseUrl.LastIndexOf('/') + 1)..]);
        var family = await ReferredFamilyAsync(caseId);
        var care = await system.NewPageAsync();
        await Browser.SignInAsync(care, "care.hz", "care");
        var row = care.Locator("tr").Filter(new() { HasText = family.ToString()[..8] });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("器官捐献");
        await PortalSystem.ScreenshotAsync(care, "care-referred-family");
    }

    [Fact]
    public async Task TissueCases_WhenOneWindowIsRunningAndOneMissed_ShowsTimeLeftAndFlagsTheBreach()
    {
        // Cornea: 6 h from death (12 h in winter); 1 h after death time is left in any season, 13 h after it is missed in any.
        var running = await OrganSetup.CorneaCaseAsync(system, TimeSpan.FromHours(1));
        var missed = await OrganSetup.CorneaCaseAsync(system, TimeSpan.FromHours(13));

        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "coordinator", "organ/tissue");

        var runningRow = page.Locator("tr").Filter(new() { HasText = running["tissueCases/".Length..][..8] });
        await Expect(runningRow.ByTestIdIn("tissue-countdown")).ToHaveTextAsync(HoursLeft());
        await Expect(runningRow.ByTestIdIn("tissue-breach")).ToHaveCountAsync(0);
        var missedRow = page.Locator("tr").Filter(new() { HasText = missed["tissueCases/".Length..][..8] });
        await Expect(missedRow.ByTestIdIn("tissue-breach")).ToContainTextAsync("已超时");
        await Expect(missedRow.ByTestIdIn("tissue-countdown")).ToHaveCountAsync(0);
        await PortalSystem.ScreenshotAsync(page, "organ-tissue");
    }

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

    private async Task<Guid> ReferredFamilyAsync(Guid caseId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using (var scope = system.FamilyCare.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<FamilyCareDbContext>();
                var id = await db.Families.Where(f => f.CaseId == caseId).Select(f => (Guid?)f.Id).SingleOrDefaultAsync();
                if (id is { } found)
                {
                    return found;
                }
            }
            Assert.True(DateTime.UtcNow < deadline, "No family referred for the completed case within 60 s (OrganDonationCompleted not consumed).");
            await Task.Delay(250);
        }
    }

    // A running cornea window an hour after death: 4-5 h left of 6 h, or 10-11 h of 12 h in winter.
    [System.Text.RegularExpressions.GeneratedRegex(@"^剩余 (4|5|10|11) 小时 \d+ 分$")]
    private static partial System.Text.RegularExpressions.Regex HoursLeft();
}
