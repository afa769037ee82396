namespace DonationRegistry.Registration.Application;

/// <summary>Everything a caller can ask of the Registration service, as the access table names it.</summary>
public enum Operation
{
    ManagePoints,
    ReadPoints,
    EnterRegistrations,
    ConfirmRegistrations,
    ReadRegistrations,
    ReadStatistics,
}
