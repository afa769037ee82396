namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>A witness to the intent letter; their ID number is kept protected like the volunteer's.</summary>
public sealed class Witness
{
    private Witness()
    {
    }

    public Witness(string fullName, string relation, IdType idType, ProtectedIdNumber idNumber, DateTimeOffset signedAt)
    {
        FullName = fullName;
        Relation = relation;
        IdType = idType;
        IdNumberCipher = idNumber.Cipher;
        IdNumberMasked = idNumber.Masked;
        SignedAt = signedAt;
    }

    public long Id { get; private set; }
    public string FullName { get; private set; } = "";
    public string Relation { get; private set; } = "";
    public IdType IdType { get; private set; }
    public byte[] IdNumberCipher { get; private set; } = [];
    public string IdNumberMasked { get; private set; } = "";
    public DateTimeOffset SignedAt { get; private set; }
}
