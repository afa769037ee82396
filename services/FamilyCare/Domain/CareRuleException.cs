namespace DonationRegistry.FamilyCare.Domain;

/// <summary>
/// A family-care rule refused the change (consent missing, budget exhausted, staff double-booked…): FAILED_PRECONDITION.
/// <see cref="Rule"/> is a stable code the Portal and tests can key on.
/// </summary>
public sealed class CareRuleException(string rule, string message, string? localizedMessage = null)
    : DomainException(message, localizedMessage)
{
    public string Rule { get; } = rule;
}
