using System.Text.RegularExpressions;
using DonationRegistry.Common.Errors;
using DonationRegistry.Common.PersonalData;
using DonationRegistry.Contracts;
using DonationRegistry.Messaging;
using DonationRegistry.Registration.Domain;
using DonationRegistry.Registration.Domain.Points;
using DonationRegistry.Registration.Domain.Registrations;
using DonationRegistry.Registration.Domain.Statistics;
using DonationRegistry.Registration.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Registration.Application;

/// <summary>HSC enrolment at a registration point: the desk enrols, the HSC service owns the donor from then on.</summary>
public sealed partial class RegistrationCommands
{
    /// <summary>Enrols an 18–45 year old as an HSC volunteer at a point offering HSC sample collection and hands them to the HSC
    /// service (HscVolunteerEnrolled: pseudonymous id, birth year, sex only). Idempotent by request id; one enrolment per person.</summary>
    public async Task<HscEnrolment> EnrollHscVolunteerAsync(Caller caller, Guid requestId, HscEnrolmentInput input, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.EnterRegistrations);
        if (await db.HscEnrolments.AsNoTracking().FirstOrDefaultAsync(h => h.RequestId == requestId, cancellationToken) is { } earlier)
        {
            var earlierPoint = await db.Points.AsNoTracking().FirstAsync(p => p.Id == earlier.PointId, cancellationToken);
            AccessPolicy.Require(caller, Operation.EnterRegistrations, earlierPoint);
            return earlier;
        }
        var v = new List<FieldViolation>();
        var point = await PointForEnrolmentAsync(caller, v, "registration_point", input.PointName, PointService.HscSampleCollection,
            cancellationToken);
        var person = RegistrationForm.ValidatePerson(v, "person", input.Person, Today);
        RequireAge(v, "person", person, RegistrationForm.HscMinimumAge, RegistrationForm.HscMaximumAge);
        RequireConsents(v, "consents", input.SensitiveDataConsent, input.TransferConsent);
        RegistrationForm.ThrowIfAny(v);

        var hash = protection.LookupHash(person.IdType, person.IdNumber);
        if (await db.HscEnrolments.AnyAsync(h => h.IdNumberHash == hash, cancellationToken))
        {
            throw HscDuplicate();
        }
        try
        {
            return await _unitOfWork.RunAsync(async ct =>
            {
                var actor = caller.ToActor();
                var now = clock.GetUtcNow();
                var enrolment = new HscEnrolment(Guid.CreateVersion7(), point!.Id, point.RegionCode, hash, person.BirthDate.Year, person.Sex, now)
                {
                    RequestId = requestId,
                };
                db.HscEnrolments.Add(enrolment);
                audit.Changed("EnrollHscVolunteer", AuditSubjects.HscEnrolment, enrolment.VolunteerId, actor);
                await statistics.CountAsync(StatisticsCounter.HscEnrolled, HscProgramme, point.RegionCode, point.Id, now, ct);
                db.AddIntegrationEvent(new HscVolunteerEnrolled(enrolment.VolunteerId, point.Id, point.RegionCode, enrolment.BirthYear,
                    enrolment.Sex.ToString(), now));
                return enrolment;
            }, cancellationToken);
        }
        catch (DbUpdateException ex) when (PointCommands.IsUniqueViolation(ex, "RequestId"))
        {
            db.ChangeTracker.Clear();
            return await db.HscEnrolments.AsNoTracking().FirstAsync(h => h.RequestId == requestId, cancellationToken);
        }
        catch (DbUpdateException ex) when (PointCommands.IsUniqueViolation(ex, "IdNumberHash"))
        {
            throw HscDuplicate();
        }
    }

    private static DuplicateException HscDuplicate() =>
        new("This person is already enrolled as an HSC volunteer.", "此人已登记为造血干细胞志愿者。");
}
