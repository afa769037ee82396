namespace DonationRegistry.Hsc.Domain.Donors;

/// <summary>Where a donor stands in the HSC donor lifecycle (DOMAIN.md section 3). Only <see cref="Available"/> donors are searched.</summary>
public enum DonorStatus
{
    /// <summary>Joined at a registration point (HscVolunteerEnrolled); no sample yet.</summary>
    Enrolled = 1,
    /// <summary>Blood sample taken, waiting for the typing lab.</summary>
    SampleCollected = 2,
    /// <summary>A typing is recorded but not yet enough to search (A, B and DRB1 are needed).</summary>
    Typed = 3,
    /// <summary>In the search pool.</summary>
    Available = 4,
    /// <summary>Out of the pool until a date (illness, pregnancy, travel …).</summary>
    TemporarilyDeferred = 5,
    /// <summary>Selected for one patient; shown only to the case holding them.</summary>
    Reserved = 6,
    /// <summary>Has donated; may return to the pool or be reserved again for a second donation.</summary>
    Donated = 7,
    /// <summary>Medically unfit for good.</summary>
    PermanentlyDeferred = 8,
    /// <summary>Left the programme at their own wish.</summary>
    Withdrawn = 9,
    /// <summary>Past the maximum donor age.</summary>
    AgedOut = 10,
}
