namespace DonationRegistry.Registration.Application;

/// <summary>Subject types written to the audit log.</summary>
public static class AuditSubjects
{
    public const string Registration = "Registration";
    public const string Point = "RegistrationPoint";
    public const string HscEnrolment = "HscEnrolment";
}
