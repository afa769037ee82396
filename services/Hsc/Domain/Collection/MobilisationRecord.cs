namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>Step 4 入院及注射动员剂: the admission and one G-CSF record per day.</summary>
public sealed record MobilisationRecord(DateOnly AdmittedOn, IReadOnlyList<GcsfDose> Doses);
