namespace DonationRegistry.Portal.Infrastructure;

/// <summary>
/// Turns the triggers a case allows now (OrganCase.allowed_actions, the service's state machine) into the steps a person takes in
/// the Portal, one button each: the registry answer is one check, the ethics approval or rejection one decision, the closing exits
/// one "close" with a reason.
/// </summary>
public static class OrganStep
{
    public const string CheckRegistry = "CheckRegistry";
    public const string RecordEthicsDecision = "RecordEthicsDecision";
    public const string Close = "Close";

    private static readonly Dictionary<string, string> Steps = new(StringComparer.Ordinal)
    {
        ["RecordRegistryCheck"] = CheckRegistry,
        ["ApproveEthics"] = RecordEthicsDecision,
        ["CloseEthicsRejected"] = RecordEthicsDecision,
        ["CloseMedicalContraindication"] = Close,
        ["CloseFamilyDeclined"] = Close,
        ["CloseNotProgressed"] = Close,
        // An objection closes the case through the registry check itself.
        ["ClosePriorObjection"] = "",
    };

    /// <summary>The distinct steps for <paramref name="allowedTriggers"/>, in the order of the procedure, closing last.</summary>
    public static IReadOnlyList<string> Coordinated(IEnumerable<string> allowedTriggers)
    {
        var steps = allowedTriggers.Select(t => Steps.GetValueOrDefault(t, t)).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        // Close goes last so the forward step is the one offered first.
        if (steps.Remove(Close))
        {
            steps.Add(Close);
        }
        return steps;
    }
}
