using DonationRegistry.Common;

namespace DonationRegistry.Hsc.Application;

/// <summary>Actors for changes no person made directly.</summary>
public static class SystemActors
{
    /// <summary>A donor created from the Registration service's HscVolunteerEnrolled event.</summary>
    public static Actor Enrolment { get; } = new("system:hsc-enrolment", "system", null, null);

    /// <summary>The scheduled age-out of donors past the maximum age.</summary>
    public static Actor AgeLimit { get; } = new("system:age-limit", "system", null, null);

    /// <summary>The scheduled end of temporary deferrals whose last day has passed.</summary>
    public static Actor DeferralEnded { get; } = new("system:deferral-ended", "system", null, null);
}
