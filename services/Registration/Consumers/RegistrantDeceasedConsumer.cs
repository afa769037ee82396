using DonationRegistry.Contracts;
using DonationRegistry.Messaging.Inbox;
using DonationRegistry.Registration.Application;
using DonationRegistry.Registration.Domain.Registrations;
using DonationRegistry.Registration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Registration.Consumers;

/// <summary>
/// A donation case concerns a registered volunteer who has died (from OrganCoordination): Registered → Deceased, with its timeline
/// entry and audit row, once per message (inbox). A registration that is not Registered (revoked, objected, already deceased) is
/// left as it is and the message is logged: retrying would not change that.
/// </summary>
public sealed partial class RegistrantDeceasedConsumer(RegistrationDbContext db, AuditLog audit, TimeProvider clock,
    ILogger<RegistrantDeceasedConsumer> logger) : InboxConsumer<RegistrantDeceased, RegistrationDbContext>(db, logger)
{
    protected override async Task HandleAsync(RegistrantDeceased message, CancellationToken cancellationToken)
    {
        var registration = await Db.Registrations.FirstOrDefaultAsync(r => r.Id == message.RegistrationId, cancellationToken);
        if (registration?.Status is RegistrationStatus.Realised or RegistrationStatus.NotRealised)
        {
            return; // the case's outcome arrived first and recorded the death with it
        }
        if (registration is null || registration.Status != RegistrationStatus.Registered)
        {
            LogIgnored(logger, message.RegistrationId, registration?.Status.ToString() ?? "unknown");
            return;
        }
        var actor = SystemActors.OrganCoordination;
        registration.RecordDeath(actor, clock.GetUtcNow());
        audit.Changed(nameof(RegistrantDeceased), AuditSubjects.Registration, registration.Id, actor);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "RegistrantDeceased for registration {RegistrationId} ignored: its state is {State}")]
    private static partial void LogIgnored(ILogger logger, Guid registrationId, string state);
}
