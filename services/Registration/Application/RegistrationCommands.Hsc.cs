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
    /// <remarks>As with <see cref="CreateAsync"/>, the unique indexes on the request id and the ID-number hash decide at the insert;
    /// only a conflict or a refused request asks which one it was. The statistics count comes last, right before the commit: its
    /// upsert holds the group's row lock until then, and concurrent enrolments at the same point wait for it.</remarks>
    public async Task<HscEnrolment> EnrollHscVolunteerAsync(Caller caller, Guid requestId, HscEnrolmentInput input, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.EnterRegistrations);
        RegistrationPoint? point;
        ValidatedPerson person;
        try
        {
            var v = new List<FieldViolation>();
            point = await PointForEnrolmentAsync(caller, v, "registration_point", input.PointName, PointService.HscSampleCollection,
                cancellationToken);
            person = RegistrationForm.ValidatePerson(v, "person", input.Person, Today);
            RequireAge(v, "person", person, RegistrationForm.HscMinimumAge, RegistrationForm.HscMaximumAge);
            RequireConsents(v, "consents", input.SensitiveDataConsent, input.TransferConsent);
            RegistrationForm.ThrowIfAny(v);
        }
        catch (DomainException)
        {
            // A repeated request answers as the first did, even if the point has closed since.
            if (await EarlierEnrolmentAsync(caller, requestId, cancellationToken) is { } earlier)
            {
                return earlier;
            }
            throw;
        }

        var hash = protection.LookupHash(person.IdType, person.IdNumber);
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
                db.AddIntegrationEvent(new HscVolunteerEnrolled(enrolment.VolunteerId, point.Id, point.RegionCode, enrolment.BirthYear,
                    enrolment.Sex.ToString(), now));
                await db.SaveChangesAsync(ct);
                await statistics.CountAsync(StatisticsCounter.HscEnrolled, HscProgramme, point.RegionCode, point.Id, now, ct);
                return enrolment;
            }, cancellationToken);
        }
        catch (DbUpdateException ex) when (PointCommands.IsUniqueViolation(ex, "RequestId") || PointCommands.IsUniqueViolation(ex, "IdNumberHash"))
        {
            // The request id first (a repeat answers as the first call did), then the person's enrolment.
            db.ChangeTracker.Clear();
            return await EarlierEnrolmentAsync(caller, requestId, cancellationToken) ?? throw HscDuplicate();
        }
    }

    /// <summary>The enrolment an earlier call with <paramref name="requestId"/> made, if the caller may still act for its point.</summary>
    private async Task<HscEnrolment?> EarlierEnrolmentAsync(Caller caller, Guid requestId, CancellationToken cancellationToken)
    {
        if (await db.HscEnrolments.AsNoTracking().FirstOrDefaultAsync(h => h.RequestId == requestId, cancellationToken) is not { } earlier)
        {
            return null;
        }
        var earlierPoint = await db.Points.AsNoTracking().FirstAsync(p => p.Id == earlier.PointId, cancellationToken);
        AccessPolicy.Require(caller, Operation.EnterRegistrations, earlierPoint);
        return earlier;
    }

    private static DuplicateException HscDuplicate() =>
        new("This person is already enrolled as an HSC volunteer.", "此人已登记为造血干细胞志愿者。");
}
