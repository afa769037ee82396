extern alias registration;

using DonationRegistry.Contracts;
using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DonationRegistry.Registration.Tests;

/// <summary>A registrant's death notice and donation outcome arriving as events from organ coordination, in either order.</summary>
[Collection(RegistrationFixture.Collection)]
public sealed class RegistrantOutcomeTests(RegistrationFixture fixture)
{
    private readonly RegistrationSteps _steps = new(fixture);

    [Fact]
    public async Task RegistrantDeceasedThenOutcome_WhenEventsArriveOnBroker_RegisteredBecomesDeceasedThenRealised()
    {
        var point = await fixture.CreateActivePointAsync();
        var registered = await _steps.RegisteredAsync(point);
        var id = Guid.Parse(registered.Name["registrations/".Length..]);
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        var clerk = _steps.Clerk(point);

        await bus.Publish(new RegistrantDeceased(id, Guid.NewGuid(), DateTimeOffset.UtcNow));
        Assert.True(await Eventually.HoldsAsync(async () => (await clerk.GetRegistrationAsync(new GetRegistrationRequest
        {
            Name = registered.Name, Purpose = RegistrationSteps.Purpose,
        })).Status == RegistrationStatus.Deceased), "The registration did not become Deceased.");

        var outcome = new DonationOutcomeRecorded(id, Guid.NewGuid(), true, null, DateTimeOffset.UtcNow);
        await bus.Publish(outcome);
        await bus.Publish(outcome); // a second message with the same content is a different message: the state machine refuses it
        Assert.True(await Eventually.HoldsAsync(async () => (await clerk.GetRegistrationAsync(new GetRegistrationRequest
        {
            Name = registered.Name, Purpose = RegistrationSteps.Purpose,
        })).Status == RegistrationStatus.Realised), "The registration did not become Realised.");
        var pointId = Guid.Parse(point.Name["registrationPoints/".Length..]);
        var counts = await fixture.WithDbAsync(db => db.Set<registration::DonationRegistry.Registration.Domain.Statistics.StatisticsDay>()
            .Where(d => d.PointId == pointId).ToListAsync());
        Assert.Equal(1, counts.Sum(d => d.NewRegistrations));
        Assert.Equal(1, counts.Sum(d => d.Realised));
    }

    [Fact]
    public async Task OutcomeBeforeDeceased_WhenTheDeathNoticeArrivesLast_IsRealisedAndStaysRealised()
    {
        var point = await fixture.CreateActivePointAsync();
        var registered = await _steps.RegisteredAsync(point);
        var id = Guid.Parse(registered.Name["registrations/".Length..]);
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        var clerk = _steps.Clerk(point);
        var caseId = Guid.NewGuid();

        // The two events travel on separate queues: the outcome may overtake the death notice.
        await bus.Publish(new DonationOutcomeRecorded(id, caseId, true, null, DateTimeOffset.UtcNow));
        Assert.True(await Eventually.HoldsAsync(async () => (await clerk.GetRegistrationAsync(new GetRegistrationRequest
        {
            Name = registered.Name, Purpose = RegistrationSteps.Purpose,
        })).Status == RegistrationStatus.Realised), "The registration did not become Realised.");
        await bus.Publish(new RegistrantDeceased(id, caseId, DateTimeOffset.UtcNow));
        var marker = await _steps.RegisteredAsync(point);
        await bus.Publish(new RegistrantDeceased(Guid.Parse(marker.Name["registrations/".Length..]), Guid.NewGuid(), DateTimeOffset.UtcNow));
        Assert.True(await Eventually.HoldsAsync(async () => (await clerk.GetRegistrationAsync(new GetRegistrationRequest
        {
            Name = marker.Name, Purpose = RegistrationSteps.Purpose,
        })).Status == RegistrationStatus.Deceased), "The later death notice was not processed.");

        Assert.Equal(RegistrationStatus.Realised, (await clerk.GetRegistrationAsync(new GetRegistrationRequest
        {
            Name = registered.Name, Purpose = RegistrationSteps.Purpose,
        })).Status);
    }

    [Fact]
    public async Task DonationOutcomeRecorded_WhenNotRealised_IsNotRealised()
    {
        var point = await fixture.CreateActivePointAsync();
        var registered = await _steps.RegisteredAsync(point);
        var id = Guid.Parse(registered.Name["registrations/".Length..]);
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        var clerk = _steps.Clerk(point);
        await bus.Publish(new RegistrantDeceased(id, Guid.NewGuid(), DateTimeOffset.UtcNow));
        Assert.True(await Eventually.HoldsAsync(async () => (await clerk.GetRegistrationAsync(new GetRegistrationRequest
        {
            Name = registered.Name, Purpose = RegistrationSteps.Purpose,
        })).Status == RegistrationStatus.Deceased));

        await bus.Publish(new DonationOutcomeRecorded(id, Guid.NewGuid(), false, "MEDICAL_UNSUITABLE", DateTimeOffset.UtcNow));

        Assert.True(await Eventually.HoldsAsync(async () => (await clerk.GetRegistrationAsync(new GetRegistrationRequest
        {
            Name = registered.Name, Purpose = RegistrationSteps.Purpose,
        })).Status == RegistrationStatus.NotRealised));
    }
}
