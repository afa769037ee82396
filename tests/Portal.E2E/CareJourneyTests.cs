using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace DonationRegistry.Portal.E2E;

/// <summary>The family-care worker's week: the due list, the auto-planned week accepted, a visit recorded (the pages on a phone:
/// <see cref="PageLayoutTests"/>).</summary>
[Collection(AppHostSystem.Collection)]
public sealed class CareJourneyTests(AppHostSystem system)
{
    private const string Hangzhou = "330100";
    private const string Xihu = "330106";

    [Fact]
    public async Task WeekPlan_WhenWorkerAcceptsProposalAndRecordsVisit_VisitIsVisitedWithItsOutcome()
    {
        await CareSetup.RegisterStaffAsync(system, "care.hz", "孙丽", Hangzhou);
        var family = await CareSetup.FamilyWithElderAsync(system, Xihu);
        var familyId = family["families/".Length..][..8];

        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "care.hz", "care/due");
        await Expect(page.ByTestId("due-items")).ToContainTextAsync(familyId);
        await AppHostSystem.ScreenshotAsync(page, "care-due");

        // Next week's plan for the worker alone: the family is proposed among the demo families due; accept the proposal as made
        // (moving one visit could put it into a slot another proposed visit of the same worker already takes).
        await Browser.OpenAsync(page, "care/plan");
        await Expect(page.ByTestId("team")).ToContainTextAsync("孙丽");
        await page.ByTestId("week-next").ClickAsync();
        await page.ByTestId("propose").ClickAsync();
        var proposed = page.ByTestId("proposed-visit").Filter(new() { HasText = familyId });
        await Expect(proposed).ToHaveCountAsync(1);
        await AppHostSystem.ScreenshotAsync(page, "care-plan");
        await page.ByTestId("accept-plan").ClickAsync();
        await Expect(page.ByTestId("plan-accepted")).ToBeVisibleAsync();
        var accepted = page.ByTestId("accepted-visit").Filter(new() { HasText = familyId });
        await Expect(accepted).ToHaveCountAsync(1);

        // The visit: record what happened.
        await accepted.ByTestIdIn("open-visit").ClickAsync();
        await Expect(page.ByTestId("visit-status")).ToHaveTextAsync("已排期");
        await page.Locator("#outcome-cash").FillAsync("abc");
        await page.ByTestId("record-outcome").ClickAsync();
        await Expect(page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("#outcome-cash") })).ToContainTextAsync("请填写金额");
        await page.Locator("#outcome-cash").FillAsync("500");
        await page.Locator("#outcome-goods").FillAsync("米、油");
        await page.Locator("#outcome-needs").FillAsync("需要定期陪同就医");
        await page.ByTestId("record-outcome").ClickAsync();
        await Expect(page.ByTestId("visit-status")).ToHaveTextAsync("已走访");
        await Expect(page.ByTestId("visit-outcome")).ToContainTextAsync("¥500.00");
        await AppHostSystem.ScreenshotAsync(page, "care-visit");

        // The family page lists the visit; the calendar of that week shows it and offers the iCalendar file.
        await Browser.OpenAsync(page, "care/" + family);
        await Expect(page.ByTestId("family-visits")).ToContainTextAsync("已走访");
        await Expect(page.ByTestId("elders")).ToContainTextAsync("独居");
        await Browser.OpenAsync(page, "care/calendar");
        await page.ByTestId("calendar-next").ClickAsync();
        await Expect(page.ByTestId("calendar-grid").ByTestIdIn("calendar-visit").First).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.ByTestId("ics-download").ClickAsync());
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        await AppHostSystem.ScreenshotAsync(page, "care-calendar");
    }

    [Fact]
    public async Task CarePages_WhenClerkOpensThem_AreRefused()
    {
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "clerk");
        await Browser.OpenAsync(page, "care/plan");
        await Expect(page.ByTestId("refusal")).ToBeVisibleAsync();
        await Expect(page.ByTestId("nav-care-plan")).ToHaveCountAsync(0);
    }
}
