namespace DonationRegistry.Contracts;

/// <summary>
/// A person aged 18–45 joined the HSC (造血干细胞) volunteer pool at a registration point; from now on the HSC service owns the
/// donor record. Only the pseudonymous <paramref name="VolunteerId"/>, birth year and sex travel; the HSC service asks for contact
/// details over gRPC when it needs them.
/// </summary>
public sealed record HscVolunteerEnrolled(Guid VolunteerId, Guid PointId, string RegionCode, int BirthYear, string Sex, DateTimeOffset EnrolledAt)
    : IIntegrationEvent;
