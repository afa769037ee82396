namespace DonationRegistry.OrganCoordination.Application;

/// <summary>Everything a caller can ask of the OrganCoordination service, as the access table names it.</summary>
public enum Operation
{
    /// <summary>Open a case for a referred potential donor.</summary>
    OpenCases,
    /// <summary>Move a case through its steps (registry check, consent, …, certificate).</summary>
    RunCases,
    /// <summary>Appoint the witnesses of a case: the provincial Red Cross.</summary>
    AssignWitnesses,
    ReadCases,
    ManageCredentials,
    ReadCredentials,
    /// <summary>The receiving unit's own steps on a body or tissue case (receive, use, dispose; recover).</summary>
    RunUnitSteps,
    /// <summary>Read body and tissue cases (also the receiving unit's staff, for their unit's cases).</summary>
    ReadDonationCases,
    ManageReceivingUnits,
    ReadReceivingUnits,
    /// <summary>Record a memorial of a case.</summary>
    RecordMemorials,
    ReadMemorials,
    ReadDueItems,
    ReadStatistics,
}
