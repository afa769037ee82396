using System.Text.RegularExpressions;
using DonationRegistry.Common.Errors;
using DonationRegistry.Common.PersonalData;
using DonationRegistry.OrganCoordination.Domain;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>
/// The potential donor's ID number: checked, then kept only in its protected form (encrypted, keyed hash, masked) through the one
/// shared <see cref="PersonalDataProtector"/>; revealed only to ask the registry.
/// </summary>
public sealed partial class DonorIdNumbers(PersonalDataProtector protector, TimeProvider clock)
{
    /// <summary>Null when neither type nor number is given; INVALID_ARGUMENT naming the field otherwise when bad.</summary>
    public ProtectedIdNumber? Protect(IdType? type, string? number)
    {
        if (type is null && string.IsNullOrWhiteSpace(number))
        {
            return null;
        }
        if (type is null || !Enum.IsDefined(type.Value))
        {
            throw new ValidationFailedException("donor_id_type", "Give the kind of ID document with the number.", "请选择证件类型。");
        }
        var normalised = ResidentIdNumber.Normalise(number);
        var valid = type == IdType.ResidentId
            ? ResidentIdNumber.TryParse(normalised, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), out _, out _)
            : OtherDocument().IsMatch(normalised);
        if (!valid)
        {
            throw new ValidationFailedException("donor_id_number", $"Not a valid {type} number.", "证件号码无效。");
        }
        return new ProtectedIdNumber(type.Value, protector.Encrypt(normalised), protector.LookupHash(RegistryTypeName(type.Value), normalised),
            IdNumberMask.Mask(normalised));
    }

    public string Reveal(ProtectedIdNumber number) => protector.Decrypt(number.Cipher);

    /// <summary>The type names are the Registration service's, so both services' keyed hashes agree when they share keys.</summary>
    private static string RegistryTypeName(IdType type) => type.ToString();

    [GeneratedRegex("^[A-Z0-9]{5,20}$")]
    private static partial Regex OtherDocument();
}
