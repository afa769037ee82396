using DonationRegistry.Common.PersonalData;

namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>The person of a registration (owned by it). The ID number is held only in protected form.</summary>
public sealed class Volunteer
{
    private Volunteer()
    {
    }

    public Volunteer(ValidatedPerson person, ProtectedIdNumber idNumber)
    {
        FullName = person.FullName;
        IdType = person.IdType;
        IdNumberCipher = idNumber.Cipher;
        IdNumberHash = idNumber.LookupHash;
        IdNumberMasked = idNumber.Masked;
        BirthDate = person.BirthDate;
        Sex = person.Sex;
        Phone = person.Phone;
        Address = person.Address;
    }

    public string FullName { get; private set; } = "";
    public IdType IdType { get; private set; }
    public byte[] IdNumberCipher { get; private set; } = [];
    public byte[] IdNumberHash { get; private set; } = [];
    public string IdNumberMasked { get; private set; } = "";
    public DateOnly BirthDate { get; private set; }
    public Sex Sex { get; private set; }
    public string Phone { get; internal set; } = "";
    public string? Address { get; internal set; }

    /// <summary>Name as the public certificate check shows it: the first character, the rest starred (张** / J***).</summary>
    public string MaskedName => FullName.Length <= 1 ? FullName : FullName[0] + new string('*', FullName.Length - 1);
}
