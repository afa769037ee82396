using System.Text;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;
using DonationRegistry.TestSupport.Security;

namespace DonationRegistry.Portal.E2E;

/// <summary>A clerk imports a registration drive's CSV: the progress reaches the end, the bad rows are listed and downloadable.</summary>
[Collection(AppHostSystem.Collection)]
public sealed class ImportJourneyTests(AppHostSystem system)
{
    private const string Header = "姓名,证件类型,证件号码,出生日期,性别,手机号码,联系地址,捐献类型,捐献范围,紧急联系人,联系人关系,联系人电话,执行人类型,执行人姓名,执行人电话,敏感信息同意,转交同意";

    [Fact]
    public async Task Import_WhenCsvHasGoodAndBadRows_ShowsCountsErrorListAndReport()
    {
        var good1 = TestPeople.Name();
        var good2 = TestPeople.Name();
        var csv = string.Join("\r\n",
            Header,
            $"{good1},居民身份证,{TestPeople.AdultIdNumber()},,,13800138000,杭州市西湖区,器官,肾脏;肝脏,,,,,,,是,是",
            $"{TestPeople.Name()},居民身份证,{TestIdNumbers.WithWrongCheckCharacter(TestPeople.AdultIdNumber())},,,13800138001,,器官,肾脏,,,,,,,是,是",
            $"{good2},身份证,{TestPeople.AdultIdNumber()},,,13800138002,,器官,全部器官,,,,,,,是,是",
            $"{TestPeople.Name()},居民身份证,{TestPeople.AdultIdNumber()},,,13800138003,,器官,尾巴,,,,,,,是,是") + "\r\n";

        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "clerk", "desk/import");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "批量导入" })).ToBeVisibleAsync();
        await Browser.ChooseFileAsync(page, page.GetByLabel("选择 CSV 文件"), new FilePayload
        {
            Name = "drive.csv", MimeType = "text/csv", Buffer = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)],
        }, "import-file-name");
        await page.ByTestId("import-start").ClickAsync();

        await Expect(page.ByTestId("import-done")).ToBeVisibleAsync();
        await Expect(page.ByTestId("import-counts")).ToContainTextAsync("已读取 4/4 行：登记 2，跳过（已有登记）0，有误 2");
        var rows = page.ByTestId("import-error-row");
        await Expect(rows.Filter(new() { HasText = "证件号码" }).First).ToContainTextAsync("3");
        await Expect(rows.Filter(new() { HasText = "捐献范围" })).ToContainTextAsync("5");
        await AppHostSystem.ScreenshotAsync(page, "desk-import");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ByTestId("import-report").ClickAsync());
        Assert.Equal("drive-错误报告.csv", download.SuggestedFilename);
        var report = await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8);
        var lines = report.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("行号,列,原因", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("3,证件号码,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("5,捐献范围,", StringComparison.Ordinal));

        // The good rows are drafts at the point now.
        await Browser.OpenAsync(page, "desk");
        await Expect(page.ByTestId("registrations")).ToContainTextAsync(good1);
        await Expect(page.ByTestId("registrations")).ToContainTextAsync(good2);
    }

    [Fact]
    public async Task Import_WhenHeaderMissesColumns_ShowsTheFileProblemAndRegistersNothing()
    {
        var page = await system.NewPageAsync();
        await Browser.SignInAsync(page, "clerk", "desk/import");
        await Browser.ChooseFileAsync(page, page.GetByLabel("选择 CSV 文件"), new FilePayload
        {
            Name = "wrong.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("姓名,手机号码\r\n张三,13800138000\r\n"),
        }, "import-file-name");
        await page.ByTestId("import-start").ClickAsync();

        await Expect(page.ByTestId("error-csv")).ToContainTextAsync("证件号码");
        await Expect(page.ByTestId("import-progress")).ToHaveCountAsync(0);
    }
}
