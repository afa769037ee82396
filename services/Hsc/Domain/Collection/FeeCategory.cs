namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>Cost items of the fee standard (费用标准).</summary>
public enum FeeCategory
{
    MedicalExam = 1,
    HospitalStay = 2,
    Drugs = 3,
    Collection = 4,
    Transport = 5,
    DonorSubsidy = 6,
    CompanionCosts = 7,
}
