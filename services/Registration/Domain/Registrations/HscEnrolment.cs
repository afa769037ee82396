using DonationRegistry.Common.PersonalData;

namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>
/// An HSC volunteer enrolled at a point and handed to the HSC service. Kept here only to refuse a second enrolment of the same
/// person and to count enrolments; the donor record itself belongs to the HSC service.
/// </summary>
public sealed class HscEnrolment
{
    private HscEnrolment()
    {
    }

    public HscEnrolment(Guid volunteerId, Guid pointId, string regionCode, byte[] idNumberHash, int birthYear, Sex sex, DateTimeOffset at)
    {
        VolunteerId = volunteerId;
        PointId = pointId;
        RegionCode = regionCode;
        IdNumberHash = idNumberHash;
        BirthYear = birthYear;
        Sex = sex;
        EnrolledAt = at;
    }

    public Guid VolunteerId { get; private set; }
    public Guid PointId { get; private set; }
    public string RegionCode { get; private set; } = "";
    public byte[] IdNumberHash { get; private set; } = [];
    public int BirthYear { get; private set; }
    public Sex Sex { get; private set; }
    public DateTimeOffset EnrolledAt { get; private set; }
    /// <summary>Idempotency key of the enrol request.</summary>
    public Guid? RequestId { get; set; }
}
