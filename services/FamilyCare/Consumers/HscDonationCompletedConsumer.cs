using DonationRegistry.Contracts;
using DonationRegistry.FamilyCare.Application;
using DonationRegistry.FamilyCare.Domain.Families;
using DonationRegistry.FamilyCare.Infrastructure;
using DonationRegistry.Messaging.Inbox;

namespace DonationRegistry.FamilyCare.Consumers;

/// <summary>A completed hsc donation refers the family to 小桔灯 care (once per message by the inbox, once per family by its reference).</summary>
public sealed class HscDonationCompletedConsumer(FamilyCareDbContext db, Referrals referrals, ILogger<HscDonationCompletedConsumer> logger)
    : InboxConsumer<HscDonationCompleted, FamilyCareDbContext>(db, logger)
{
    protected override Task HandleAsync(HscDonationCompleted message, CancellationToken cancellationToken) =>
        referrals.ReferAsync(ReferralSource.HscDonation, message.DonorId, null, message.RegionCode, message.CareContactConsent, cancellationToken);
}
