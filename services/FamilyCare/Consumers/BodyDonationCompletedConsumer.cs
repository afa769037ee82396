using DonationRegistry.Contracts;
using DonationRegistry.FamilyCare.Application;
using DonationRegistry.FamilyCare.Domain.Families;
using DonationRegistry.FamilyCare.Infrastructure;
using DonationRegistry.Messaging.Inbox;

namespace DonationRegistry.FamilyCare.Consumers;

/// <summary>A completed body donation refers the family to 小桔灯 care (once per message by the inbox, once per family by its reference).</summary>
public sealed class BodyDonationCompletedConsumer(FamilyCareDbContext db, Referrals referrals, ILogger<BodyDonationCompletedConsumer> logger)
    : InboxConsumer<BodyDonationCompleted, FamilyCareDbContext>(db, logger)
{
    protected override Task HandleAsync(BodyDonationCompleted message, CancellationToken cancellationToken) =>
        referrals.ReferAsync(ReferralSource.BodyDonation, message.FamilyReference, message.CaseId, message.RegionCode, message.FamilyCareContactConsent, cancellationToken);
}
