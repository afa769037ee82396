namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>Step 2 捐献者评估: the hospital physician's evaluation (the city Red Cross co-signs it to complete the step).</summary>
/// <param name="EvaluatedOn">The day of the evaluation.</param>
/// <param name="Fit">Fit to donate; an unfit donor ends the case.</param>
/// <param name="InformedConsentSigned">The donor signed the informed consent (知情同意书).</param>
/// <param name="ConsentDocument">Reference of the signed consent (document store id).</param>
/// <param name="PsychologicallyReady">The donor is psychologically ready.</param>
/// <param name="Notes">Optional remarks.</param>
/// <param name="CareContactConsent">The donor agrees to be contacted by family care (小桔灯) after the donation.</param>
public sealed record EvaluationRecord(
    DateOnly EvaluatedOn, bool Fit, bool InformedConsentSigned, string ConsentDocument, bool PsychologicallyReady, string? Notes,
    bool CareContactConsent = false);
