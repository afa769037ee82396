using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace DonationRegistry.Portal.E2E;

/// <summary>
/// The HSC journey: the Ningbo coordinator searches the pool and requests a donor, the Haishu Red Cross re-contacts the donor, the
/// coordinator confirms and selects them and opens a collection case, and the hospital, the city and the county complete the eight
/// steps, each party seeing the form of its own steps only. All on the system the AppHost starts, on real time: the collection is of
/// bone marrow (no G-CSF days), planned for today, so every step's dates are days the service accepts without waiting for them.
/// </summary>
[Collection(AppHostSystem.Collection)]
public sealed class HscJourneyTests(AppHostSystem system)
{
    [Fact]
    public async Task Search_WhenATypingIsMistyped_ShowsTheProblemAsTypedAndSearchesOnlyOnceCorrected()
    {
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "hsc.nb", "hsc/search");

        await page.Locator("#typing-A-1").FillAsync("A*2x:01");
        await Expect(Field(page, "typing-A-1")).ToContainTextAsync("格式应如");
        await page.Locator("#typing-A-1").FillAsync("B*07:02");
        await Expect(Field(page, "typing-A-1")).ToContainTextAsync("此处只填 A 位点");
        await page.ByTestId("run-search").ClickAsync();
        await Expect(page.ByTestId("form-error")).ToBeVisibleAsync();
        await Expect(page.ByTestId("results")).ToHaveCountAsync(0);

        // Only the fields typed, without the locus: read as A*02:01; nothing else is required to be perfect to search.
        await page.Locator("#typing-A-1").FillAsync("02:01");
        await Expect(Field(page, "typing-A-1")).Not.ToContainTextAsync("格式应如");
        await page.ByTestId("fill-example").ClickAsync();
        await page.ByTestId("run-search").ClickAsync();
        await Expect(page.ByTestId("results-summary")).ToContainTextAsync("符合标准的供者");
    }

    [Fact]
    public async Task CollectionJourney_WhenCoordinatorHospitalCityAndCountyEachDoTheirSteps_CaseClosesAndEachSawOnlyItsOwnForms()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var donor = HscSetup.DemoDonor(1);
        var donorShort = donor["donors/".Length..][..8];
        var localUser = await HscSetup.LocalOfficerAsync(system);

        // 1. The coordinator searches with the example patient typing (10/10) and requests the Haishu donor.
        var city = await system.NewPageAsync();
        await Browser.SignInAsync(city, "hsc.nb", "hsc/search");
        await city.Locator("#patient-reference").FillAsync("TC-E2E-" + Guid.NewGuid().ToString("N")[..6]);
        await city.ByTestId("fill-example").ClickAsync();
        await Expect(city.Locator("#typing-A-1")).ToHaveValueAsync("A*30:01");
        await city.ByTestId("run-search").ClickAsync();
        var row = city.ByTestId("match").Filter(new() { HasText = donorShort });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.ByTestIdIn("match-mismatches")).ToHaveTextAsync("0");
        await Expect(row.ByTestIdIn("locus-DQB1")).ToContainTextAsync("2/2");
        await Expect(city.ByTestId("matches")).Not.ToContainTextAsync("身份证");
        await city.ByTestId("results").ScrollIntoViewIfNeededAsync();
        await AppHostSystem.ScreenshotAsync(city, "hsc-search");
        await row.ByTestIdIn("pick-donor").ClickAsync();
        await city.Locator("#transplant-centre").FillAsync("浙江大学医学院附属第一医院");
        await city.ByTestId("confirm-open-request").ClickAsync();
        await city.WaitForURLAsync("**/hsc/donorRequests/**");
        var requestPath = PathOf(city);
        await Expect(city.ByTestId("request-status")).ToContainTextAsync("再动员中");

        // 2. The county re-contacts the donor; it has no coordinator actions.
        var local = await system.NewPageAsync();
        await HscSetup.SignInAsync(local, localUser, requestPath);
        await Expect(local.ByTestId("request-status")).ToContainTextAsync("再动员中");
        await Expect(local.ByTestId("actions")).ToHaveCountAsync(0);
        await Expect(local.ByTestId("nav-hsc-search")).ToHaveCountAsync(0);
        await Browser.SelectAsync(local, "attempt-outcome", "同意捐献");
        await local.ByTestId("record-attempt").ClickAsync();
        await Expect(local.ByTestId("request-status")).ToContainTextAsync("供者同意");
        await Expect(local.ByTestId("attempt")).ToHaveCountAsync(1);

        // 3. The coordinator: confirmatory sample and typing (10/10), primary donor, collection case.
        await Browser.OpenAsync(city, requestPath);
        await city.ByTestId("request-sample").ClickAsync();
        await Expect(city.ByTestId("request-status")).ToContainTextAsync("已申请确认样本");
        await city.Locator("#sample-id").FillAsync("CT-E2E-" + Guid.NewGuid().ToString("N")[..6]);
        await city.ByTestId("receive-sample").ClickAsync();
        await Expect(city.ByTestId("request-status")).ToContainTextAsync("样本已到实验室");
        await city.Locator("#confirmatory-gl").FillAsync(HscSetup.DonorGlString);
        await city.ByTestId("record-typing").ClickAsync();
        await Expect(city.ByTestId("comparison-result")).ToContainTextAsync("确认配型通过");
        await Expect(city.ByTestId("comparison")).ToContainTextAsync("10/10");
        await Expect(city.ByTestId("comparison-locus")).ToHaveCountAsync(5);
        await city.ByTestId("select-primary").ClickAsync();
        await Expect(city.ByTestId("request-status")).ToContainTextAsync("已选定");
        await city.Locator("#case-hospital").FillAsync(HscSetup.Hospital);
        await city.ByTestId("open-case").ClickAsync();
        await city.WaitForURLAsync("**/hsc/collectionCases/**");
        var casePath = PathOf(city);

        // Step 1 (hospital): the city and the county read only.
        await Expect(Step(city, 1)).ToHaveAttributeAsync("data-state", "current");
        await Expect(Step(city, 1).ByTestIdIn("step-owner")).ToContainTextAsync("采集医院");
        await ReadOnlyAsync(city, "complete-exam");
        await Browser.OpenAsync(local, casePath);
        await ReadOnlyAsync(local, "complete-exam");
        var hospital = await system.NewPageAsync();
        await Browser.SignInAsync(hospital, "hospital.nb", casePath);
        await Expect(hospital.ByTestId("nav-hsc-search")).ToHaveCountAsync(0);
        await Expect(hospital.ByTestId("nav-hsc-requests")).ToHaveCountAsync(0);
        var caseShort = casePath[(casePath.LastIndexOf('/') + 1)..][..8];
        await Browser.OpenAsync(hospital, "hsc/cases");
        await Expect(hospital.ByTestId("due-item").Filter(new() { HasText = caseShort })).ToContainTextAsync("待办步骤");
        await Browser.OpenAsync(hospital, casePath);
        await HscSetup.TypeAsync(hospital, "exam-date", HscSetup.Iso(today));
        await HscSetup.TypeAsync(hospital, "exam-hospital", "宁波市第一医院");
        await HscSetup.TypeAsync(hospital, "exam-results", "血常规、肝肾功能正常");
        await hospital.ByTestId("complete-exam").ClickAsync();
        await ExpectStatusAsync(hospital, "捐献者评估");

        // Step 2 (hospital records, the city co-signs).
        await HscSetup.TypeAsync(hospital, "eval-date", HscSetup.Iso(today));
        await HscSetup.TypeAsync(hospital, "eval-consent-document", "DMS-CONSENT-E2E");
        await hospital.ByTestId("record-evaluation").ClickAsync();
        await Expect(hospital.ByTestId("records")).ToContainTextAsync("等待市红十字会会签");
        await Expect(hospital.ByTestId("cosign-evaluation")).ToHaveCountAsync(0);
        await Browser.OpenAsync(city, casePath);
        await Expect(city.ByTestId("record-evaluation")).ToHaveCountAsync(0);
        await city.ByTestId("cosign-evaluation").ClickAsync();
        await ExpectStatusAsync(city, "制定采集计划");

        // Step 3 (city): bone marrow, admission and collection today (a PBSC plan needs four G-CSF days before the collection, and the
        // hospital cannot record days still to come), the patient's conditioning from today.
        await Browser.OpenAsync(city, "hsc/cases");
        await Expect(city.ByTestId("due-item").Filter(new() { HasText = caseShort })).ToContainTextAsync("待办步骤");
        await AppHostSystem.ScreenshotAsync(city, "hsc-cases");
        await Browser.OpenAsync(city, casePath);
        await Browser.OpenAsync(hospital, casePath);
        await ReadOnlyAsync(hospital, "complete-plan");
        await HscSetup.TypeAsync(city, "plan-admission", HscSetup.Iso(today));
        await HscSetup.TypeAsync(city, "plan-mobilisation", HscSetup.Iso(today));
        await HscSetup.TypeAsync(city, "plan-collection-dates", HscSetup.Iso(today));
        await Browser.SelectAsync(city, "plan-product", "骨髓");
        await Expect(city.Locator("#plan-product")).ToHaveValueAsync("BoneMarrow");
        await HscSetup.TypeAsync(city, "plan-conditioning", HscSetup.Iso(today));
        await HscSetup.TypeAsync(city, "plan-centre", "浙江大学医学院附属第一医院");
        await HscSetup.TypeAsync(city, "plan-courier", "顺丰医药");
        await city.ByTestId("complete-plan").ClickAsync();
        await ExpectStatusAsync(city, "入院及注射动员剂");
        await AppHostSystem.ScreenshotAsync(city, "hsc-case");

        // Step 4 (hospital): admitted today as planned; bone marrow needs no G-CSF days.
        await Browser.OpenAsync(hospital, casePath);
        await Expect(hospital.Locator("#mob-admitted")).ToHaveValueAsync(HscSetup.Iso(today));
        await Expect(hospital.ByTestId("dose-row")).ToHaveCountAsync(0);
        await hospital.ByTestId("complete-mobilisation").ClickAsync();
        await ExpectStatusAsync(hospital, "造血干细胞采集与交接");

        // Step 5 (hospital): today's session and the hand-over (at the start of today: a time already past).
        await HscSetup.TypeAsync(hospital, "session-0-volume", "150");
        await HscSetup.TypeAsync(hospital, "session-0-cd34", "6.1");
        await HscSetup.TypeAsync(hospital, "handover-product", "BM-E2E-01");
        await HscSetup.TypeAsync(hospital, "handover-at", HscSetup.Iso(today) + " 00:00");
        await HscSetup.TypeAsync(hospital, "handover-witness", "NB-RC-07");
        await hospital.ByTestId("complete-handover").ClickAsync();
        await ExpectStatusAsync(hospital, "捐献者回访");

        // Step 6 (county): the visit due on day 7 after the hand-over, made today, then the step; the city reads.
        var visitDay = today;
        await Browser.OpenAsync(city, casePath);
        await ReadOnlyAsync(city, "complete-follow-up");
        await Expect(city.ByTestId("record-visit")).ToHaveCountAsync(0);
        await Browser.OpenAsync(local, casePath);
        await Expect(local.ByTestId("follow-up").First).ToContainTextAsync(HscSetup.Iso(today.AddDays(7)));
        await HscSetup.TypeAsync(local, "visit-date", HscSetup.Iso(visitDay));
        await local.ByTestId("record-visit").ClickAsync();
        await Expect(local.ByTestId("follow-up").First).ToContainTextAsync("良好");
        await local.ByTestId("complete-follow-up").ClickAsync();
        await ExpectStatusAsync(local, "档案管理");

        // Step 7 (city): the eight documents of the checklist, each with its file's SHA-256.
        await Browser.OpenAsync(city, casePath);
        await Expect(city.ByTestId("archive-item")).ToHaveCountAsync(8);
        for (var i = 1; i <= 8; i++)
        {
            await HscSetup.TypeAsync(city, "doc-reference", $"DMS-E2E-{i}");
            await Browser.ChooseFileAsync(city, city.Locator("#doc-file"),
                new FilePayload { Name = $"doc-{i}.pdf", MimeType = "application/pdf", Buffer = System.Text.Encoding.UTF8.GetBytes($"document {i}") }, "doc-sha");
            await city.ByTestId("attach-document").ClickAsync();
            await Expect(city.Locator("[data-testid=archive-item][data-attached=true]")).ToHaveCountAsync(i);
        }
        await city.ByTestId("complete-archiving").ClickAsync();
        await ExpectStatusAsync(city, "费用结算");
        await Expect(city.ByTestId("archive-number")).ToContainTextAsync("HSC-");

        // Step 8 (city): the donor subsidy, then the settlement closes the case.
        await Browser.SelectAsync(city, "fee-category", "供者补贴");
        await Expect(city.Locator("#fee-category")).ToHaveValueAsync("DonorSubsidy");
        await HscSetup.TypeAsync(city, "fee-unit", "3000");
        await city.ByTestId("record-fee").ClickAsync();
        await Expect(city.ByTestId("fee-item")).ToHaveCountAsync(1);
        await Expect(city.ByTestId("fee-total")).ToContainTextAsync("¥3,000.00");
        await HscSetup.TypeAsync(city, "settle-payer", "中华骨髓库");
        await HscSetup.TypeAsync(city, "settle-date", HscSetup.Iso(visitDay));
        await city.ByTestId("settle-fees").ClickAsync();
        await ExpectStatusAsync(city, "已关闭");
        await Expect(city.ByTestId("timeline-entry")).Not.ToHaveCountAsync(0);

        // Afterwards the county still records the later visits; the next one finds a serious adverse event, which the case flags
        // for reporting. The hospital has nothing left to do.
        await Browser.OpenAsync(local, casePath);
        await Expect(local.ByTestId("record-visit")).ToBeVisibleAsync();
        await Expect(local.ByTestId("serious-adverse-event")).ToHaveCountAsync(0);
        await HscSetup.TypeAsync(local, "visit-date", HscSetup.Iso(visitDay));
        await HscSetup.TypeAsync(local, "visit-adverse", "采集后持续骨痛，住院观察");
        await Browser.SelectAsync(local, "visit-severity", "严重");
        // The choice has reached the page (under load a click sent before it would record the default, mild).
        await Expect(local.Locator("#visit-severity")).ToHaveValueAsync("Serious");
        await local.ByTestId("record-visit").ClickAsync();
        await Expect(local.ByTestId("serious-adverse-event")).ToContainTextAsync("严重不良事件");
        await Expect(local.ByTestId("follow-up").Nth(1)).ToContainTextAsync("需上报");
        await Expect(local.ByTestId("follow-up").Nth(1)).ToContainTextAsync("严重");
        await Browser.OpenAsync(hospital, casePath);
        await Expect(hospital.ByTestId("no-actions")).ToBeVisibleAsync();

        // The board lists the closed case; the diagram comes from the service.
        await Browser.OpenAsync(city, "hsc/cases");
        await Expect(city.ByTestId("cases")).ToContainTextAsync("已关闭");
        await Browser.OpenAsync(city, "hsc/diagram");
        await Expect(city.ByTestId("diagram")).ToContainTextAsync("会签评估");
    }

    [Fact]
    public async Task CaseActions_WhenCitySuspendsAndResumesAndHospitalCancels_CaseShowsEachStateAndWhoDecided()
    {
        var casePath = "hsc/" + await HscSetup.CaseAtStepOneAsync(system, 6);

        var city = await system.NewPageAsync();
        await Browser.SignInAsync(city, "hsc.nb", casePath);
        await ExpectStatusAsync(city, "捐献者体检");
        await HscSetup.TypeAsync(city, "suspend-reason", "供者出差两周");
        await city.ByTestId("suspend-case").ClickAsync();
        await ExpectStatusAsync(city, "已暂停");
        await Expect(city.ByTestId("resumes-at")).ToContainTextAsync("捐献者体检");

        // While suspended the hospital has no step form, only the cancellation every party may decide.
        var hospital = await system.NewPageAsync();
        await Browser.SignInAsync(hospital, "hospital.nb", casePath);
        await Expect(hospital.ByTestId("complete-exam")).ToHaveCountAsync(0);
        await Expect(hospital.ByTestId("resume-case")).ToHaveCountAsync(0);

        await city.ByTestId("resume-case").ClickAsync();
        await ExpectStatusAsync(city, "捐献者体检");
        await Expect(Step(city, 1)).ToHaveAttributeAsync("data-state", "current");

        await Browser.OpenAsync(hospital, casePath);
        await Expect(hospital.ByTestId("complete-exam")).ToBeVisibleAsync();
        await Browser.SelectAsync(hospital, "cancel-reason", "医学原因不宜捐献");
        await Browser.SelectAsync(hospital, "cancel-decider", "采集医院");
        await hospital.ByTestId("cancel-case").ClickAsync();
        await ExpectStatusAsync(hospital, "已取消");
        await Expect(hospital.ByTestId("cancellation")).ToContainTextAsync("医学原因不宜捐献");
        await Expect(hospital.ByTestId("timeline-entry")).ToHaveCountAsync(4);
    }

    [Fact]
    public async Task ConfirmatoryTyping_WhenUploadedAsHmlFile_ShowsTheTenPositionComparisonAndTheDonorIsSelectedAsBackUp()
    {
        // Demo donor 2, requested for the patient of the shared HML example; the laboratory's sample is the example's sample.
        var request = await HscSetup.RequestAwaitingHmlAsync(system, 2);

        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "hsc.nb", "hsc/" + request);
        await Expect(page.ByTestId("request-status")).ToContainTextAsync("样本已到实验室");
        await Browser.ChooseFileAsync(page, page.Locator("#hml-file"), new FilePayload
        {
            Name = "confirmatory.hml.xml", MimeType = "application/xml", Buffer = await File.ReadAllBytesAsync(HscSetup.HmlExampleFile),
        }, "hml-chosen");
        await Expect(page.ByTestId("hml-chosen")).ToHaveTextAsync("confirmatory.hml.xml");
        await page.ByTestId("record-typing").ClickAsync();

        await Expect(page.ByTestId("comparison-result")).ToContainTextAsync("确认配型通过");
        await Expect(page.ByTestId("comparison")).ToContainTextAsync("10/10");
        await Expect(page.ByTestId("comparison-locus")).ToHaveCountAsync(5);
        foreach (var locus in new[] { "A", "B", "C", "DRB1", "DQB1" })
        {
            await Expect(page.ByTestId("comparison-locus").Filter(new() { HasText = $"HLA-{locus}" })).ToContainTextAsync("2/2");
        }
        // The re-contact form is ready for the next attempt: no outcome chosen, and none shown as an untranslated enum name.
        await Expect(page.Locator("#attempt-outcome")).ToHaveValueAsync("");
        await AppHostSystem.ScreenshotAsync(page, "hsc-request");

        // The coordinator keeps this donor in reserve for the patient.
        await page.ByTestId("select-backup").ClickAsync();
        await Expect(page.ByTestId("request-status")).ToContainTextAsync("已选定");
        await Expect(page.ByTestId("request-selection")).ToHaveTextAsync("备选");
    }

    private static string PathOf(IPage page) => new Uri(page.Url).AbsolutePath.TrimStart('/');

    private static ILocator Field(IPage page, string inputId) =>
        page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("#" + inputId) });

    private static ILocator Step(IPage page, int number) => page.ByTestId("step-" + number);

    private static Task ExpectStatusAsync(IPage page, string status) => Expect(page.ByTestId("case-status")).ToContainTextAsync(status);

    // Another party's step: the page says who does it and shows no form button.
    private static async Task ReadOnlyAsync(IPage page, string submitTestId)
    {
        await Expect(page.ByTestId("step-read-only")).ToBeVisibleAsync();
        await Expect(page.ByTestId(submitTestId)).ToHaveCountAsync(0);
    }
}
