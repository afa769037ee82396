using DonationRegistry.Contracts;
using DonationRegistry.Messaging.Inbox;
using DonationRegistry.Registration.Application;
using DonationRegistry.Registration.Domain.Registrations;
using DonationRegistry.Registration.Domain.Statistics;
using DonationRegistry.Registration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Registration.Consumers;

/// <summary>
/// The outcome of a donation case (from OrganCoordination): Deceased → Realised (counted in the statistics) or NotRealised, in the
/// inbox transaction together with the timeline entry, the audit row and the statistics upsert. An outcome is only published once
/// death was declared, but RegistrantDeceased travels on its own queue and may arrive later: a registration still Registered is
/// marked Deceased first. Any other state is left as it is and the message is logged.
/// </summary>
public sealed partial class DonationOutcomeRecordedConsumer(RegistrationDbContext db, AuditLog audit, StatisticsProjection statistics,
    ILogger<DonationOutcomeRecordedConsumer> logger) : InboxConsumer<DonationOutcomeRecorded, RegistrationDbContext>(db, logger)
{
    protected override async Task HandleAsync(DonationOutcomeRecorded message, CancellationToken cancellationToken)
    {
        var registration = await Db.Registrations.FirstOrDefaultAsync(r => r.Id == message.RegistrationId, cancellationToken);
        var actor = SystemActors.OrganCoordination;
        if (registration?.Status == RegistrationStatus.Registered)
        {
            registration.RecordDeath(actor, message.RecordedAt);
        }
        if (registration is null || registration.Status != RegistrationStatus.Deceased)
        {
            LogIgnored(logger, message.RegistrationId, registration?.Status.ToString() ?? "unknown");
            return;
        }
        registration.RecordOutcome(message.Realised, message.ReasonCode, actor, message.RecordedAt);
        audit.Changed(nameof(DonationOutcomeRecorded), AuditSubjects.Registration, registration.Id, actor);
        if (message.Realised)
        {
            await statistics.CountAsync(StatisticsCounter.Realised, registration.Programme.ToString(), registration.RegionCode,
                registration.PointId, message.RecordedAt, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "DonationOutcomeRecorded for registration {RegistrationId} ignored: its state is {State}")]
    private static partial void LogIgnored(ILogger logger, Guid registrationId, string state);
}
