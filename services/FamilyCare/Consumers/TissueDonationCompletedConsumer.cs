using DonationRegistry.Contracts;
using DonationRegistry.FamilyCare.Application;
using DonationRegistry.FamilyCare.Domain.Families;
using DonationRegistry.FamilyCare.Infrastructure;
using DonationRegistry.Messaging.Inbox;

namespace DonationRegistry.FamilyCare.Consumers;

/// <summary>A completed tissue donation refers the family to 小桔灯 care (once per message by the inbox, once per family by its reference).</summary>
public sealed class TissueDonationCompletedConsumer(FamilyCareDbContext db, Referrals referrals, ILogger<TissueDonationCompletedConsumer> logger)
    : InboxConsumer<TissueDonationCompleted, FamilyCareDbContext>(db, logger)
{
    protected override Task HandleAsync(TissueDonationCompleted message, CancellationToken cancellationToken) =>
        referrals.ReferAsync(ReferralSource.TissueDonation, message.FamilyReference, message.CaseId, message.RegionCode, message.FamilyCareContactConsent, cancellationToken);
}
