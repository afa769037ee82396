namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>Step 3 制定采集计划: the plan the city Red Cross fixes with the hospital and the transplant centre.</summary>
/// <param name="AdmissionDate">The day the donor is admitted.</param>
/// <param name="MobilisationStart">The first day of G-CSF.</param>
/// <param name="CollectionDates">The planned apheresis day(s), ascending (1–3).</param>
/// <param name="Product">PBSC, bone marrow, or lymphocytes (second donation only).</param>
/// <param name="TargetCd34PerKg">Target cell dose, CD34+ cells ×10^6 per kg of the patient.</param>
/// <param name="TransplantCentre">The receiving transplant centre.</param>
/// <param name="Courier">Who carries the product (organisation or courier service).</param>
/// <param name="ConditioningStart">The day the patient's conditioning (预处理) starts; a withdrawal from then on is critical.</param>
public sealed record CollectionPlan(
    DateOnly AdmissionDate, DateOnly MobilisationStart, IReadOnlyList<DateOnly> CollectionDates, ProductKind Product,
    decimal TargetCd34PerKg, string TransplantCentre, string Courier, DateOnly ConditioningStart);
