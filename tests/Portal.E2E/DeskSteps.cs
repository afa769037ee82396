using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace DonationRegistry.Portal.E2E;

/// <summary>
/// The registration journey's steps in the browser: register with witnesses and forward (clerk), confirm (city officer), the
/// certificate with its verification code and its file (clerk), the public check (anyone).
/// </summary>
public static partial class DeskSteps
{
    /// <summary>
    /// On the clerk's new-registration page: registers <paramref name="name"/> for kidney donation, records the witnessing with
    /// <paramref name="witnesses"/> witnesses (1 or 2), the family informed and the scanned letter (only its SHA-256 leaves the
    /// browser), and forwards it. Returns the registration page's path.
    /// </summary>
    public static async Task<string> RegisterWitnessAndForwardAsync(IPage clerk, string name, int witnesses, bool screenshots)
    {
        await Expect(clerk.GetByRole(AriaRole.Heading, new() { Name = "新登记" })).ToBeVisibleAsync();
        await clerk.GetByText("肾脏", new() { Exact = true }).ClickAsync();
        await clerk.Locator("#person-full-name").FillAsync(name);
        await clerk.Locator("#person-id-number").PressSequentiallyAsync(TestPeople.AdultIdNumber());
        await Expect(clerk.GetByText(AgeLine())).ToBeVisibleAsync();
        await clerk.Locator("#person-phone").FillAsync("13800138000");
        await clerk.GetByText("本人同意处理其敏感个人信息", new() { Exact = false }).ClickAsync();
        await clerk.GetByText("本人同意将登记信息报送省级中心", new() { Exact = false }).ClickAsync();
        if (screenshots)
        {
            await AppHostSystem.ScreenshotAsync(clerk, "desk-new-registration");
        }
        await clerk.ByTestId("submit-registration").ClickAsync();
        await clerk.WaitForURLAsync(RegistrationPage());
        await Expect(clerk.ByTestId("reg-status")).ToHaveTextAsync("草稿");
        await Expect(clerk.ByTestId("reg-id-number")).ToHaveTextAsync(MaskedIdNumber());

        string[] relations = ["配偶", "子女"];
        for (var i = 0; i < witnesses; i++)
        {
            if (i > 0)
            {
                await clerk.ByTestId("add-witness").ClickAsync();
            }
            await clerk.Locator($"#witness-{i}-name").FillAsync(TestPeople.Name());
            await clerk.Locator($"#witness-{i}-relation").FillAsync(relations[i]);
            await clerk.Locator($"#witness-{i}-id-number").FillAsync(TestPeople.AdultIdNumber());
        }
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
        return new Uri(clerk.Url).AbsolutePath.TrimStart('/');
    }

    /// <summary>On the city officer's confirmation queue: confirms <paramref name="name"/>'s registration; its row leaves the queue.</summary>
    public static async Task ConfirmFromQueueAsync(IPage officer, string name, bool screenshots)
    {
        await Browser.OpenAsync(officer, "registry/queue");
        var row = officer.ByTestId("queue-row").Filter(new() { HasText = name });
        await row.ByTestIdIn("confirm").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        if (screenshots)
        {
            await AppHostSystem.ScreenshotAsync(officer, "registry-queue");
        }
    }

    /// <summary>
    /// The clerk opens the confirmed registration, reads its number and verification code, opens the printable certificate and
    /// downloads it: the file holds the number, the code and the masked ID number only. Returns (number, code).
    /// </summary>
    public static async Task<(string Number, string Code)> CertificateAsync(IPage clerk, string registrationPath, string name, bool screenshots)
    {
        await Browser.OpenAsync(clerk, registrationPath);
        await Expect(clerk.ByTestId("reg-status")).ToHaveTextAsync("已登记");
        var code = (await clerk.ByTestId("verification-code").TextContentAsync())!.Trim();
        var number = (await clerk.ByTestId("reg-number").TextContentAsync())!.Trim();
        Assert.NotEmpty(code);
        await clerk.ByTestId("open-certificate").ClickAsync();
        await Expect(clerk.ByTestId("certificate-code")).ToHaveTextAsync(code);
        await Expect(clerk.ByTestId("certificate-number")).ToHaveTextAsync(number);
        if (screenshots)
        {
            await AppHostSystem.ScreenshotAsync(clerk, "desk-certificate");
        }

        var download = await clerk.RunAndWaitForDownloadAsync(() => clerk.ByTestId("download-certificate").ClickAsync());
        Assert.Equal($"登记证书-{number}.html", download.SuggestedFilename);
        var file = await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8);
        Assert.Contains("捐献登记证书", file, StringComparison.Ordinal);
        Assert.Contains(number, file, StringComparison.Ordinal);
        Assert.Contains(code, file, StringComparison.Ordinal);
        Assert.Contains(name, file, StringComparison.Ordinal);
        Assert.Matches(MaskedIdNumberInFile(), file);
        Assert.DoesNotMatch(FullIdNumber(), file);
        return (number, code);
    }

    /// <summary>Anyone, not signed in, checks the certificate on the public page; only the masked name comes back.</summary>
    public static async Task VerifyAsync(IPage visitor, string number, string code, string name, bool screenshots)
    {
        await Browser.OpenAsync(visitor, $"verify?number={Uri.EscapeDataString(number)}&code={Uri.EscapeDataString(code)}");
        await visitor.ByTestId("verify-submit").ClickAsync();
        await Expect(visitor.ByTestId("verify-valid")).ToContainTextAsync(name[..1]);
        await Expect(visitor.ByTestId("verify-valid")).Not.ToContainTextAsync(name);
        if (screenshots)
        {
            await AppHostSystem.ScreenshotAsync(visitor, "verify");
        }
    }

    [GeneratedRegex(@"\d+ 岁，[男女]")]
    private static partial Regex AgeLine();

    [GeneratedRegex("/desk/registrations/[^/]+$")]
    private static partial Regex RegistrationPage();

    [GeneratedRegex(@"^3301\*{10}\w{4}$")]
    private static partial Regex MaskedIdNumber();

    [GeneratedRegex(@"3301\*{10}\w{4}")]
    private static partial Regex MaskedIdNumberInFile();

    // Eighteen characters of a resident ID number in a row: the file must never hold one.
    [GeneratedRegex(@"\d{17}[\dX]")]
    private static partial Regex FullIdNumber();
}
