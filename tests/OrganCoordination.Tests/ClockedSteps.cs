namespace DonationRegistry.OrganCoordination.Tests;

/// <summary>The clocked service at a chosen moment: its units, a coordinator credentialed at that moment, the steps to drive cases.</summary>
public static class ClockedSteps
{
    public static async Task<(DonationSteps Donations, CaseSteps Organ, string CoordinatorToken)> AtAsync(OrganFixture fixture, DateTimeOffset now)
    {
        var host = await fixture.ClockedOrganAsync();
        fixture.Clock.Set(now);
        await fixture.EnsureUnitsAsync(host);
        var token = await fixture.CredentialedCoordinatorTokenAsync(host);
        return (new DonationSteps(fixture, host, token, fixture.Clock), new CaseSteps(fixture, host, token, fixture.Clock), token);
    }
}
