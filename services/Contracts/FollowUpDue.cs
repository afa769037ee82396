namespace DonationRegistry.Contracts;

/// <summary>
/// Published by the HSC service's reminder job when a donor's follow-up visit (回访) of day <paramref name="VisitDay"/> after the
/// hand-over is due soon, or (with <paramref name="Overdue"/>) past its day without a record; at most once per visit, due date and
/// kind. <paramref name="DueOn"/> is the due day at 00:00 Asia/Shanghai; <paramref name="LocalRegion"/> is the county Red Cross that
/// visits. Only pseudonymous ids travel.
/// </summary>
public sealed record FollowUpDue(Guid CollectionCaseId, Guid DonorId, string LocalRegion, int VisitDay, DateTimeOffset DueOn, bool Overdue,
    DateTimeOffset RemindedAt) : IIntegrationEvent;
