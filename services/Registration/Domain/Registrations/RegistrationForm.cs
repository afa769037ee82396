using System.Text.RegularExpressions;
using DonationRegistry.Common.Errors;
using DonationRegistry.Common.PersonalData;

namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>The person as a clerk enters them (plain values, before protection).</summary>
public sealed record PersonForm(string FullName, IdType IdType, string IdNumber, DateOnly? BirthDate, Sex Sex, string Phone, string? Address);

/// <summary>Someone to notify.</summary>
public sealed record ContactForm(string FullName, string Relation, string Phone);

/// <summary>Body-donation executor.</summary>
public sealed record ExecutorForm(ExecutorKind Kind, string Name, string Phone);

/// <summary>A person after validation: the normalised ID number and the birth date and sex derived from it.</summary>
public sealed record ValidatedPerson(string FullName, IdType IdType, string IdNumber, DateOnly BirthDate, Sex Sex, string Phone, string? Address)
{
    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > day ? age - 1 : age;
    }
}

/// <summary>
/// Validation of everything a person submits, in one place, reporting every bad field at once with the field path the API uses
/// (DOMAIN.md section 2: adult with a valid document, scope within the programme, executor for body donation, separate consents).
/// </summary>
public static partial class RegistrationForm
{
    public const int MinimumAge = 18;
    public const int HscMinimumAge = 18;
    public const int HscMaximumAge = 45;

    /// <summary>Validates a person; <paramref name="prefix"/> is the path of the person message, e.g. "registration.person".</summary>
    public static ValidatedPerson ValidatePerson(List<FieldViolation> v, string prefix, PersonForm person, DateOnly today)
    {
        var name = person.FullName?.Trim() ?? "";
        if (name.Length == 0)
        {
            v.Add(new($"{prefix}.full_name", "Required."));
        }
        else if (name.Length > 50)
        {
            v.Add(new($"{prefix}.full_name", "At most 50 characters."));
        }
        else if (!NamePattern().IsMatch(name))
        {
            v.Add(new($"{prefix}.full_name", "Letters only (Chinese or Latin), with spaces, '·' or '-' between them."));
        }

        var birth = person.BirthDate;
        var sex = person.Sex;
        var number = ResidentIdNumber.Normalise(person.IdNumber);
        if (!Enum.IsDefined(person.IdType))
        {
            v.Add(new($"{prefix}.id_type", "Required."));
        }
        else if (!TryDocumentNumber(person.IdType, number, today, out var resident, out var error))
        {
            v.Add(new($"{prefix}.id_number", error));
        }
        else if (resident is not null)
        {
            if (birth is { } given && given != resident.BirthDate)
            {
                v.Add(new($"{prefix}.birth_date", "Does not match the birth date in the ID number."));
            }
            if (sex != Sex.Unknown && sex != resident.Sex)
            {
                v.Add(new($"{prefix}.sex", "Does not match the sex in the ID number."));
            }
            birth = resident.BirthDate;
            sex = resident.Sex;
        }
        if (Enum.IsDefined(person.IdType) && person.IdType != IdType.ResidentId)
        {
            if (birth is null)
            {
                v.Add(new($"{prefix}.birth_date", "Required for documents other than the resident ID card."));
            }
            else if (birth > today)
            {
                v.Add(new($"{prefix}.birth_date", "The birth date lies in the future."));
            }
        }

        if (!Text.IsMobile(person.Phone))
        {
            v.Add(new($"{prefix}.phone", "An 11-digit mobile number starting with 1 is required."));
        }
        Text.Optional(v, $"{prefix}.address", person.Address, 200);
        return new ValidatedPerson(name, person.IdType, number, birth ?? default, sex, person.Phone?.Trim() ?? "", person.Address?.Trim());
    }

    /// <summary>
    /// The one check of a document number (normalised), for volunteers and witnesses alike: a resident ID number by GB 11643
    /// (<paramref name="resident"/> then carries its birth date and sex), other documents by their format.
    /// </summary>
    public static bool TryDocumentNumber(IdType type, string number, DateOnly today, out ResidentIdNumber? resident, out string error)
    {
        resident = null;
        if (type == IdType.ResidentId)
        {
            return ResidentIdNumber.TryParse(number, today, out resident, out error);
        }
        error = type switch
        {
            IdType.Passport => "A passport number has 5–17 letters and digits.",
            IdType.HongKongMacauPermit => "A Hong Kong/Macau permit number is H or M followed by 8–10 digits.",
            IdType.TaiwanPermit => "A Taiwan permit number has 8 digits (optionally preceded by T).",
            _ => "Unknown document type.",
        };
        if (Enum.IsDefined(type) && OtherDocumentPattern(type).IsMatch(number))
        {
            error = "";
            return true;
        }
        return false;
    }

    /// <summary>Validates the scope against the programme and returns it without duplicates, in a stable order.</summary>
    public static IReadOnlyList<DonationScope> ValidateScope(List<FieldViolation> v, string field, Programme programme, IReadOnlyCollection<DonationScope> scope)
    {
        if (!Enum.IsDefined(programme))
        {
            v.Add(new(field.Replace("scope", "programme", StringComparison.Ordinal), "Required."));
            return [];
        }
        if (scope.Count == 0)
        {
            v.Add(new(field, "At least one item is required."));
        }
        foreach (var item in scope)
        {
            if (!Enum.IsDefined(item))
            {
                v.Add(new(field, $"Unknown scope item {(int)item}."));
            }
            else if (!ScopeRules.Belongs(programme, item))
            {
                v.Add(new(field, $"{item} does not belong to the {programme} programme."));
            }
        }
        return [.. scope.Distinct().Order()];
    }

    public static void ValidateContact(List<FieldViolation> v, string prefix, ContactForm? contact)
    {
        if (contact is null)
        {
            return;
        }
        Text.Required(v, $"{prefix}.full_name", contact.FullName, 50);
        Text.Required(v, $"{prefix}.relation", contact.Relation, 20);
        if (!Text.IsPhone(contact.Phone))
        {
            v.Add(new($"{prefix}.phone", "A valid phone number is required."));
        }
    }

    public static void ValidateExecutor(List<FieldViolation> v, string prefix, ExecutorForm? executor, bool required)
    {
        if (executor is null)
        {
            if (required)
            {
                v.Add(new(prefix, "Body donation needs an executor (执行人)."));
            }
            return;
        }
        if (!Enum.IsDefined(executor.Kind))
        {
            v.Add(new($"{prefix}.kind", "Required."));
        }
        Text.Required(v, $"{prefix}.name", executor.Name, 100);
        if (!Text.IsPhone(executor.Phone))
        {
            v.Add(new($"{prefix}.phone", "A valid phone number is required."));
        }
    }

    public static void ThrowIfAny(List<FieldViolation> v)
    {
        if (v.Count > 0)
        {
            throw new ValidationFailedException(v, "登记信息有误，请检查标注的字段。");
        }
    }

    private static Regex OtherDocumentPattern(IdType type) => type switch
    {
        IdType.Passport => PassportPattern(),
        IdType.HongKongMacauPermit => HongKongMacauPattern(),
        _ => TaiwanPattern(),
    };

    [GeneratedRegex(@"^[\p{L}](?:[\p{L} ·\-]*[\p{L}])?$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Z0-9]{5,17}$")]
    private static partial Regex PassportPattern();

    [GeneratedRegex(@"^[HM]\d{8,10}$")]
    private static partial Regex HongKongMacauPattern();

    [GeneratedRegex(@"^T?\d{8}$")]
    private static partial Regex TaiwanPattern();
}
