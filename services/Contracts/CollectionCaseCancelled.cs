namespace DonationRegistry.Contracts;

/// <summary>
/// Published by the HSC service when a collection case was cancelled before the donation: the reason code (DonorWithdrew,
/// MedicallyUnfit, PatientCondition, TransplantCentreCancelled), the deciding party and the step it stood at. Only pseudonymous
/// ids and codes travel.
/// </summary>
public sealed record CollectionCaseCancelled(Guid CollectionCaseId, Guid DonorId, Guid DonorRequestId, string Reason, string DecidedBy,
    string AtStep, string CityRegion, bool CriticalWithdrawal, DateTimeOffset CancelledAt) : IIntegrationEvent;
