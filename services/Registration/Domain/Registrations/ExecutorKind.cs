namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>Who carries out a body donation (执行人).</summary>
public enum ExecutorKind
{
    Relative = 1,
    Employer = 2,
    ResidentsCommittee = 3,
    ElderCareInstitution = 4,
}
