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

/// <summary>The input checks of the registration commands that need the service's clock or keys (the pure ones are in
/// <see cref="RegistrationForm"/>): every bad field is collected with the API's field path before anything is written.</summary>
public sealed partial class RegistrationCommands
{
    /// <summary>The checks of a new registration's form, in one place for CreateRegistration and the import; violations go to
    /// <paramref name="v"/> with the API's field paths.</summary>
    private (ValidatedPerson Person, IReadOnlyList<DonationScope> Scope) ValidateForm(RegistrationInput input, List<FieldViolation> v)
    {
        var person = RegistrationForm.ValidatePerson(v, "registration.person", input.Person, Today);
        RequireAge(v, "registration.person", person, RegistrationForm.MinimumAge, null);
        var scope = RegistrationForm.ValidateScope(v, "registration.scope", input.Programme, input.Scope);
        RegistrationForm.ValidateContact(v, "registration.notification_contact", input.NotificationContact);
        RegistrationForm.ValidateExecutor(v, "registration.executor", input.Executor, ScopeRules.NeedsExecutor(scope));
        RequireConsents(v, "registration.consents", input.SensitiveDataConsent, input.TransferConsent);
        return (person, scope);
    }

    private static (NotificationContact? Contact, Executor? Executor) ContactAndExecutor(RegistrationInput input) =>
        (input.NotificationContact is { } c ? new NotificationContact(c.FullName.Trim(), c.Relation.Trim(), c.Phone.Trim()) : null,
         input.Executor is { } x ? new Executor(x.Kind, x.Name.Trim(), x.Phone.Trim()) : null);

    private void RequireAge(List<FieldViolation> v, string prefix, ValidatedPerson person, int minimum, int? maximum)
    {
        if (v.Any(x => x.Field == $"{prefix}.id_number" || x.Field == $"{prefix}.birth_date" || x.Field == $"{prefix}.id_type"))
        {
            return; // no trustworthy birth date to judge by
        }
        var age = person.AgeOn(Today);
        if (age < minimum)
        {
            v.Add(new($"{prefix}.birth_date", $"Must be at least {minimum} years old (is {age})."));
        }
        else if (maximum is { } max && age > max)
        {
            v.Add(new($"{prefix}.birth_date", $"Must be at most {max} years old to join (is {age})."));
        }
    }

    private static void RequireConsents(List<FieldViolation> v, string prefix, bool sensitiveData, bool transfer)
    {
        if (!sensitiveData)
        {
            v.Add(new($"{prefix}.sensitive_data", "Separate consent to process sensitive personal data is required (PIPL Art 29)."));
        }
        if (!transfer)
        {
            v.Add(new($"{prefix}.transfer_to_provincial_centre", "Consent to transfer the record to the provincial centre is required (PIPL Art 23)."));
        }
    }

    private List<Witness> ValidateWitnessing(List<FieldViolation> v, WitnessingInput? input, DateTimeOffset now)
    {
        var witnesses = new List<Witness>();
        if (input is null)
        {
            v.Add(new("witnessing", "Required."));
            return witnesses;
        }
        if (input.Witnesses.Count > 2)
        {
            v.Add(new("witnessing.witnesses", $"At most 2 witnesses (got {input.Witnesses.Count})."));
        }
        if (!Sha256Pattern().IsMatch(input.LetterSha256 ?? ""))
        {
            v.Add(new("witnessing.letter_sha256", "The SHA-256 of the scanned letter, 64 hexadecimal characters, is required."));
        }
        for (var i = 0; i < input.Witnesses.Count && i < 2; i++)
        {
            var w = input.Witnesses[i];
            var prefix = $"witnessing.witnesses[{i}]";
            Text.Required(v, $"{prefix}.full_name", w.FullName, 50);
            Text.Required(v, $"{prefix}.relation", w.Relation, 20);
            var number = ResidentIdNumber.Normalise(w.IdNumber);
            var valid = RegistrationForm.TryDocumentNumber(w.IdType, number, Today, out _, out var error);
            if (!Enum.IsDefined(w.IdType))
            {
                v.Add(new($"{prefix}.id_type", "Required."));
            }
            else if (!valid)
            {
                v.Add(new($"{prefix}.id_number", error));
            }
            if (w.SignedAt is { } signed && signed > now.AddMinutes(5))
            {
                v.Add(new($"{prefix}.signed_at", "Lies in the future."));
            }
            if (valid && Enum.IsDefined(w.IdType))
            {
                witnesses.Add(new Witness(w.FullName.Trim(), w.Relation.Trim(), w.IdType, protection.Protect(w.IdType, number), w.SignedAt ?? now));
            }
        }
        return witnesses;
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Pattern();
}
