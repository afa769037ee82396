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
}
