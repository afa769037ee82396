using DonationRegistry.Contracts;
using DonationRegistry.FamilyCare.Application;
using DonationRegistry.FamilyCare.Domain.Families;
using DonationRegistry.FamilyCare.Infrastructure;
using DonationRegistry.Messaging.Inbox;

namespace DonationRegistry.FamilyCare.Consumers;

/// <summary>A completed organ donation refers the family to 小桔灯 care (once per message by the inbox, once per family by its reference).</summary>
public sealed class OrganDonationCompletedConsumer(FamilyCareDbContext db, Referrals referrals, ILogger<OrganDonationCompletedConsumer> logger)
    : InboxConsumer<OrganDonationCompleted, FamilyCareDbContext>(db, logger)
{
    protected override Task HandleAsync(OrganDonationCompleted message, CancellationToken cancellationToken) =>
        referrals.ReferAsync(ReferralSource.OrganDonation, message.FamilyReference, message.CaseId, message.RegionCode, message.FamilyCareContactConsent, cancellationToken);
}
