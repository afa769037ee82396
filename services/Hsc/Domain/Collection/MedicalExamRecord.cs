namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>Step 1 捐献者体检: what the collection hospital recorded; a failed exam ends the case.</summary>
/// <param name="ExamDate">The day of the exam.</param>
/// <param name="Hospital">The hospital that examined the donor (name).</param>
/// <param name="Results">The findings (summary of the exam report).</param>
/// <param name="Passed">Whether the donor may go on.</param>
public sealed record MedicalExamRecord(DateOnly ExamDate, string Hospital, string Results, bool Passed);
