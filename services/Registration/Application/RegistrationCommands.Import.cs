using DonationRegistry.Common.Errors;
using DonationRegistry.Registration.Domain;
using DonationRegistry.Registration.Domain.Points;
using DonationRegistry.Registration.Domain.Registrations;
using DonationRegistry.ServiceDefaults;

namespace DonationRegistry.Registration.Application;

/// <summary>
/// CreateRegistration's draft path cut into the steps a bulk import needs (<see cref="RegistrationImporter"/>), built from the
/// same private checks <see cref="CreateAsync"/> runs, so an imported row is validated and made exactly like a clerk's draft; the
/// importer only adds batching (many drafts per unit of work) and skip-instead-of-fail for people already registered.
/// </summary>
public sealed partial class RegistrationCommands
{
    /// <summary>A new registration that passed CreateAsync's validation, with its ID number in protected form.</summary>
    internal sealed record ValidatedDraft(RegistrationInput Input, ValidatedPerson Person, IReadOnlyList<DonationScope> Scope, ProtectedIdNumber IdNumber);

    /// <summary>The point of an import, checked as CreateAsync checks it (access first, then Active and offering registration);
    /// throws PERMISSION_DENIED, NOT_FOUND-like INVALID_ARGUMENT on <paramref name="field"/>, as CreateRegistration would.</summary>
    internal async Task<RegistrationPoint> PointForImportAsync(Caller caller, string? pointName, string field, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.EnterRegistrations);
        var v = new List<FieldViolation>();
        var point = await PointForEnrolmentAsync(caller, v, field, pointName, PointService.Registration, cancellationToken);
        if (v.Count > 0 || point is null)
        {
            throw new ValidationFailedException(v, "登记点不能办理导入登记。");
        }
        return point;
    }

    /// <summary>Validates a draft at a point exactly as CreateAsync does (same checks, same field paths); null and violations in
    /// <paramref name="v"/> when it is not valid.</summary>
    internal ValidatedDraft? ValidateDraft(RegistrationInput input, List<FieldViolation> v)
    {
        var (person, scope) = ValidateForm(input, v);
        return v.Count > 0 ? null : new ValidatedDraft(input, person, scope, protection.Protect(person.IdType, person.IdNumber));
    }

    /// <summary>Adds the draft as CreateAsync adds one for AUTHORISED_POINT (aggregate and audit entry); the caller's unit of work
    /// saves it.</summary>
    internal VolunteerRegistration AddDraft(RegistrationPoint point, ValidatedDraft draft, Actor actor, DateTimeOffset now, string auditOperation,
        Guid? requestId = null)
    {
        var input = draft.Input;
        var (contact, executor) = ContactAndExecutor(input);
        var registration = VolunteerRegistration.AtPoint(Guid.CreateVersion7(), point, input.Programme, draft.Scope,
            new Volunteer(draft.Person, draft.IdNumber), contact, executor, actor, now);
        registration.RequestId = requestId;
        db.Registrations.Add(registration);
        audit.Changed(auditOperation, AuditSubjects.Registration, registration.Id, actor);
        return registration;
    }
}
