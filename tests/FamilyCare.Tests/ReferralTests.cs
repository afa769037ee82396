extern alias familycare;

using DonationRegistry.Contracts;
using DonationRegistry.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Model = familycare::DonationRegistry.FamilyCare.Domain.Families;

namespace DonationRegistry.FamilyCare.Tests;

[Collection(FamilyCareFixture.Collection)]
public sealed class ReferralTests(FamilyCareFixture fixture)
{
    [Fact]
    public async Task OrganDonationCompleted_WhenDeliveredTwiceOnTheBroker_CreatesExactlyOneReferral()
    {
        var reference = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        var completed = new OrganDonationCompleted(Guid.NewGuid(), reference, "330106", true, 3, DateTimeOffset.UtcNow);

        await bus.Publish(completed, c => c.MessageId = messageId);
        await bus.Publish(completed, c => c.MessageId = messageId);
        // A later message on the same queue: once it is in, both copies have been taken off the queue before it.
        var marker = Guid.NewGuid();
        await bus.Publish(new OrganDonationCompleted(Guid.NewGuid(), marker, "330106", true, 1, DateTimeOffset.UtcNow));

        Assert.True(await Eventually.HoldsAsync(() => ExistsAsync(marker)));
        Assert.True(await Eventually.HoldsAsync(() => ExistsAsync(reference)));
        var families = await fixture.WithDbAsync(db => db.Families.Where(f => f.Reference == reference).ToListAsync());
        Assert.Single(families);
        Assert.Equal(Model.FamilyStatus.Referred, families[0].Status);
        Assert.Equal(Model.ReferralSource.OrganDonation, families[0].Source);
    }

    [Fact]
    public async Task CompletionEvents_WhenTwoMessagesNameTheSameFamily_CreateOneReferral()
    {
        var reference = Guid.NewGuid();
        var bus = fixture.Host.Services.GetRequiredService<IBus>();

        await bus.Publish(new TissueDonationCompleted(Guid.NewGuid(), "Cornea", reference, "330106", true, DateTimeOffset.UtcNow));
        await bus.Publish(new BodyDonationCompleted(Guid.NewGuid(), reference, "330106", true, DateTimeOffset.UtcNow));
        var marker = Guid.NewGuid();
        await bus.Publish(new HscDonationCompleted(marker, "330106", true, DateTimeOffset.UtcNow));

        Assert.True(await Eventually.HoldsAsync(() => ExistsAsync(marker)));
        Assert.True(await Eventually.HoldsAsync(async () =>
            await fixture.WithDbAsync(db => db.Audit.CountAsync(a => a.Operation == "ReferTissueDonation" || a.Operation == "ReferBodyDonation")) > 0));
        Assert.Equal(1, await fixture.WithDbAsync(db => db.Families.CountAsync(f => f.Reference == reference)));
    }

    [Fact]
    public async Task HscDonationCompleted_WhenCareContactNotAgreed_CreatesNoReferral()
    {
        var declined = Guid.NewGuid();
        var marker = Guid.NewGuid();
        var bus = fixture.Host.Services.GetRequiredService<IBus>();

        await bus.Publish(new HscDonationCompleted(declined, "330106", false, DateTimeOffset.UtcNow));
        await bus.Publish(new HscDonationCompleted(marker, "330106", true, DateTimeOffset.UtcNow));

        Assert.True(await Eventually.HoldsAsync(() => ExistsAsync(marker)));
        Assert.False(await ExistsAsync(declined));
    }

    private Task<bool> ExistsAsync(Guid reference) => fixture.WithDbAsync(db => db.Families.AnyAsync(f => f.Reference == reference));
}
