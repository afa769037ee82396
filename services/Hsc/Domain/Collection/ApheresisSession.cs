namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>One apheresis (采集) session.</summary>
/// <param name="CollectedOn">The day of the session (not before the plan's first collection date).</param>
/// <param name="VolumeMl">Product volume in ml.</param>
/// <param name="Cd34PerKg">CD34+ cells ×10^6 per kg of the patient.</param>
public sealed record ApheresisSession(DateOnly CollectedOn, decimal VolumeMl, decimal Cd34PerKg);
