using DonationRegistry.Registration.V1;
using Xunit;

namespace DonationRegistry.Registration.Tests;

/// <summary>Revoking a registration (撤销) and recording an objection (异议) from every state that allows them.</summary>
[Collection(RegistrationFixture.Collection)]
public sealed class RevocationAndObjectionTests(RegistrationFixture fixture)
{
    private readonly RegistrationSteps _steps = new(fixture);

    [Theory]
    [InlineData(RegistrationStatus.Draft)]
    [InlineData(RegistrationStatus.PendingWitness)]
    [InlineData(RegistrationStatus.Forwarded)]
    [InlineData(RegistrationStatus.Registered)]
    [InlineData(RegistrationStatus.ObjectionRecorded)]
    public async Task RevokeRegistration_WhenLive_IsRevoked(RegistrationStatus state)
    {
        var point = await fixture.CreateActivePointAsync();
        var registration = await _steps.InStateAsync(point, state);

        var revoked = await _steps.Clerk(point).RevokeRegistrationAsync(new RevokeRegistrationRequest
        {
            Name = registration.Name, Reason = "withdrawn", Etag = registration.Etag,
        });

        Assert.Equal(RegistrationStatus.Revoked, revoked.Status);
        Assert.Equal("withdrawn", revoked.Timeline[^1].Reason);
    }

    [Theory]
    [InlineData(RegistrationStatus.Draft)]
    [InlineData(RegistrationStatus.PendingWitness)]
    [InlineData(RegistrationStatus.Forwarded)]
    [InlineData(RegistrationStatus.Registered)]
    [InlineData(RegistrationStatus.Revoked)]
    public async Task RecordObjection_WhenNotObjecting_IsObjectionRecorded(RegistrationStatus state)
    {
        var point = await fixture.CreateActivePointAsync();
        var registration = await _steps.InStateAsync(point, state);

        var objected = await _steps.Clerk(point).RecordObjectionAsync(new RecordObjectionRequest
        {
            Name = registration.Name, DocumentReference = "OBJ-2026-1", Reason = "religious", Etag = registration.Etag,
        });

        Assert.Equal(RegistrationStatus.ObjectionRecorded, objected.Status);
        Assert.Equal("ObjectionRecorded", objected.Timeline[^1].Action);
    }
}
