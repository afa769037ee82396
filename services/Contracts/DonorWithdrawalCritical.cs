namespace DonationRegistry.Contracts;

/// <summary>
/// Published by the HSC service when a donor withdrew (悔捐) on or after the day the patient's conditioning started: the transplant
/// centre and the city Red Cross must act at once. <paramref name="ConditioningStartedOn"/> is the plan's date at 00:00 Asia/Shanghai.
/// Only pseudonymous ids, the city code and the transplant centre's name travel.
/// </summary>
public sealed record DonorWithdrawalCritical(Guid CollectionCaseId, Guid DonorRequestId, string CityRegion, string TransplantCentre,
    DateTimeOffset ConditioningStartedOn, DateTimeOffset WithdrawnAt) : IIntegrationEvent;
