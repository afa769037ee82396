using Xunit;

namespace DonationRegistry.Portal.E2E;

/// <summary>
/// The registration journey on the system as the AppHost starts it (every service a process of its own, demo data): the demo clerk
/// registers a volunteer with two witnesses and forwards it, the Hangzhou officer confirms it, the clerk downloads the certificate,
/// and an anonymous visitor verifies it.
/// </summary>
[Collection(AppHostSystem.Collection)]
public sealed class AppHostJourneyTests(AppHostSystem system)
{
    [Fact]
    public async Task Registration_OnTheSystemTheAppHostStarts_ClerkRegistersWithWitnessesDownloadsCertificateAndVisitorVerifiesIt()
    {
        var name = TestPeople.Name();
        var clerk = await system.NewPageAsync();
        await Browser.SignInAsync(clerk, "clerk", "desk/new");
        var registration = await DeskSteps.RegisterWitnessAndForwardAsync(clerk, name, witnesses: 2, screenshots: false);

        var officer = await system.NewPageAsync();
        await Browser.SignInAsync(officer, "officer.hz", "registry/queue");
        await DeskSteps.ConfirmFromQueueAsync(officer, name, screenshots: false);

        var (number, code) = await DeskSteps.CertificateAsync(clerk, registration, name, screenshots: false);
        var visitor = await system.NewPageAsync();
        await DeskSteps.VerifyAsync(visitor, number, code, name, screenshots: false);
    }
}
