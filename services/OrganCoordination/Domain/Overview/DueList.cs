namespace DonationRegistry.OrganCoordination.Domain.Overview;

/// <summary>
/// The due list (pure: the clock value is an argument): one item per open case saying who must act, by when, and whether it is
/// overdue; tissue still waiting for recovery is due at its deadline and flagged when the window is closing or missed. Most urgent
/// first: missed or overdue, then by due time.
/// </summary>
public static class DueList
{
    public static IReadOnlyList<DueItem> For(IEnumerable<CaseSnapshot> cases, DueListOptions options, DateTimeOffset now) =>
    [
        .. cases.Select(c => ItemFor(c, options, now))
            .OrderByDescending(i => i.Overdue || i.TissueWindowBreached)
            .ThenBy(i => i.DueAt ?? DateTimeOffset.MaxValue)
            .ThenBy(i => i.CaseId),
    ];

    /// <summary>The role whose step is next in <paramref name="state"/> of a <paramref name="donation"/> case.</summary>
    public static string WaitingFor(DonationKind donation, string state) => (donation, state) switch
    {
        // The provincial Red Cross appoints the witnesses (条例 Art 19).
        (DonationKind.Organ, "DeathDeclared") => Roles.RegistryOfficer,
        (DonationKind.Organ, _) => Roles.OrganCoordinator,
        (DonationKind.Body, "HandoverAgreed" or "Received" or "InUse") => Roles.ReceivingUnitStaff,
        (DonationKind.Body, _) => Roles.OrganCoordinator,
        (_, "DeathNotified" or "Recovered") => Roles.ReceivingUnitStaff,
        _ => Roles.OrganCoordinator,
    };

    private static DueItem ItemFor(CaseSnapshot c, DueListOptions options, DateTimeOffset now)
    {
        var waitingForTissue = c.TissueDeadline is not null && c.State == "DeathNotified";
        DateTimeOffset? due = waitingForTissue
            ? c.TissueDeadline
            : options.ExpectedDurations.TryGetValue($"{c.Donation}.{c.State}", out var expected) ? c.StateSince + expected : null;
        TimeSpan? left = waitingForTissue ? c.TissueDeadline!.Value - now : null;
        var breached = left is { } l && l < TimeSpan.Zero;
        var closing = left is { } k && k >= TimeSpan.Zero && k <= options.TissueWarning;
        return new DueItem(c.Donation, c.CaseId, c.State, WaitingFor(c.Donation, c.State), c.AllowedActions, c.StateSince, due,
            Overdue: due is { } d && now > d, left, closing, breached);
    }
}
