using DonationRegistry.TestSupport.Identity;
using Microsoft.Playwright;

namespace DonationRegistry.Portal.E2E;

/// <summary>Steps a person takes in the browser, shared by the journeys.</summary>
public static class Browser
{
    /// <summary>Signs in on Identity's login page through the Portal's sign-in button and waits until the Portal is interactive.</summary>
    public static async Task SignInAsync(IPage page, string userName, string returnPath = "")
    {
        await page.GotoAsync("account/signin?returnUrl=" + Uri.EscapeDataString("/" + returnPath));
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(IdentityServer.DemoPassword);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/connect/", StringComparison.Ordinal) && !url.Contains("/account/login", StringComparison.OrdinalIgnoreCase)
            && !url.Contains("signin-oidc", StringComparison.Ordinal));
        await InteractiveAsync(page);
    }

    /// <summary>Opens a Portal page and waits for its circuit (clicks before that would be lost).</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await InteractiveAsync(page);
    }

    /// <summary>
    /// Chooses a file in a Blazor InputFile and waits for the page to show its name (<paramref name="shownTestId"/>); the choice is
    /// repeated if it came before the component's script was listening (it then never reaches the circuit).
    /// </summary>
    public static async Task ChooseFileAsync(IPage page, ILocator input, FilePayload file, string shownTestId)
    {
        for (var attempt = 1; ; attempt++)
        {
            await input.SetInputFilesAsync(file);
            try
            {
                await page.ByTestId(shownTestId).WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                // choose again
            }
        }
    }

    /// <summary>Picks <paramref name="option"/> in the MudSelect whose input has id <paramref name="inputId"/> (its list opens in a popover).</summary>
    public static async Task SelectAsync(IPage page, string inputId, string option)
    {
        await page.Locator(".mud-select").Filter(new() { Has = page.Locator("#" + inputId) }).Locator(".mud-input-control").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(option, new() { Exact = true }).ClickAsync();
    }

    public static Task InteractiveAsync(IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public static ILocator ByTestId(this IPage page, string id) => page.Locator($"[data-testid={id}]");

    public static ILocator ByTestIdIn(this ILocator scope, string id) => scope.Locator($"[data-testid={id}]");
}
