extern alias registration;

using Xunit;
using VolunteerRegistration = registration::DonationRegistry.Registration.Domain.Registrations.VolunteerRegistration;

namespace DonationRegistry.Registration.Tests;

[Collection(RegistrationFixture.Collection)]
public sealed class FixtureSmokeTests(RegistrationFixture fixture)
{
    [Fact]
    public async Task Fixture_WhenStarted_DatabaseIsMigrated()
    {
        Assert.True(await fixture.CountAsync<VolunteerRegistration>() >= 0);
        Assert.Equal(1, await fixture.ScalarAsync($"SELECT count(*) AS \"Value\" FROM pg_indexes WHERE indexname = 'ux_registrations_live_person'"));
    }
}
