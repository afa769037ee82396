namespace DonationRegistry.Registration.Application;

/// <summary>
/// Counts of one programme, group and period. <see cref="Cumulative"/> is the number registered at the end of the period, net of
/// revocations (all new registrations minus all revocations up to that day, from the beginning of the data).
/// </summary>
public sealed record StatisticsCounts(
    string Programme, string Group, DateOnly Period, long NewRegistrations, long Cumulative, long Revoked, long Objections,
    long Realised, long HscEnrolled);
