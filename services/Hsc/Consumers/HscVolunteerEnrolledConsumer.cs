using DonationRegistry.Common.PersonalData;
using DonationRegistry.Contracts;
using DonationRegistry.Hsc.Application;
using DonationRegistry.Common.Auditing;
using DonationRegistry.Hsc.Domain.Donors;
using DonationRegistry.Hsc.Infrastructure;
using DonationRegistry.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Hsc.Consumers;

/// <summary>
/// A volunteer enrolled for HSC at a registration point becomes a donor in the pool (status Enrolled). Idempotent twice over: the
/// inbox skips a redelivered message, and a donor that already exists (same volunteer id) is left as it is.
/// </summary>
public sealed class HscVolunteerEnrolledConsumer(HscDbContext db, TimeProvider clock, ILogger<HscVolunteerEnrolledConsumer> logger)
    : InboxConsumer<HscVolunteerEnrolled, HscDbContext>(db, logger)
{
    protected override async Task HandleAsync(HscVolunteerEnrolled message, CancellationToken cancellationToken)
    {
        if (await Db.Donors.AnyAsync(d => d.Id == message.VolunteerId, cancellationToken))
        {
            return;
        }
        var sex = Enum.TryParse<Sex>(message.Sex, ignoreCase: true, out var parsed) ? parsed : Sex.Unknown;
        Db.Donors.Add(new Donor(message.VolunteerId, message.PointId, message.RegionCode, message.BirthYear, sex, message.EnrolledAt));
        Db.Audit.Add(new AuditEntry(AuditAction.Change, nameof(HscVolunteerEnrolled), AuditSubjects.Donor, message.VolunteerId,
            SystemActors.Enrolment, $"enrolled at point {message.PointId}", clock.GetUtcNow()));
    }
}
