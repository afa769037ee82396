namespace DonationRegistry.Contracts;

/// <summary>
/// Published by the HSC service when a step of a collection case (采集案例, the Ningbo procedure) was completed by its owner.
/// <paramref name="Step"/> and <paramref name="NextStatus"/> are the case states by name (e.g. "MedicalExam" → "Evaluation");
/// the regions and the hospital's organisation id say whose work list changes. Only pseudonymous ids travel.
/// </summary>
public sealed record CollectionStepCompleted(Guid CollectionCaseId, Guid DonorId, string Step, string NextStatus, string CityRegion,
    string LocalRegion, string HospitalOrgId, DateTimeOffset CompletedAt) : IIntegrationEvent;
