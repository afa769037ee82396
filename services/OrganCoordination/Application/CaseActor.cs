namespace DonationRegistry.OrganCoordination.Application;

/// <summary>Whose step a body or tissue case transition is.</summary>
public enum CaseActor
{
    /// <summary>The coordinator covering the case (with an active credential).</summary>
    Coordinator,
    /// <summary>The staff of the case's receiving unit or bank.</summary>
    Unit,
    /// <summary>Either of them (closing a case).</summary>
    Either,
}
