namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>Reason codes of a cancelled case (DOMAIN.md section 3).</summary>
public enum CancellationReason
{
    /// <summary>The donor withdrew (悔捐); critical once the patient's conditioning has started.</summary>
    DonorWithdrew = 1,
    /// <summary>The exam, the evaluation or a later finding says the donor must not donate.</summary>
    MedicallyUnfit = 2,
    /// <summary>The patient's condition changed (relapse, death, other donor source).</summary>
    PatientCondition = 3,
    /// <summary>The transplant centre cancelled the request.</summary>
    TransplantCentreCancelled = 4,
}
