namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>The documents of a case's archive (档案), by the step that produces them.</summary>
public enum DocumentKind
{
    /// <summary>The medical exam report (step 1).</summary>
    MedicalExamReport = 1,
    /// <summary>The signed informed consent, 知情同意书 (step 2).</summary>
    InformedConsent = 2,
    /// <summary>The evaluation form with the city's co-signature (step 2).</summary>
    EvaluationForm = 3,
    /// <summary>The collection plan (step 3).</summary>
    CollectionPlan = 4,
    /// <summary>The admission and G-CSF record (step 4).</summary>
    MobilisationRecord = 5,
    /// <summary>The apheresis record (step 5).</summary>
    CollectionRecord = 6,
    /// <summary>The signed hand-over form (step 5).</summary>
    HandoverForm = 7,
    /// <summary>Export papers of an international donation (step 5, international only).</summary>
    ExportPapers = 8,
    /// <summary>The follow-up records so far (step 6).</summary>
    FollowUpRecord = 9,
}
