namespace DonationRegistry.Common.Errors;

/// <summary>Bad input: maps to INVALID_ARGUMENT with one google.rpc.BadRequest field violation per entry.</summary>
public sealed class ValidationFailedException : DomainException
{
    public ValidationFailedException(IReadOnlyList<FieldViolation> violations, string? localizedMessage = null)
        : base(Describe(violations), localizedMessage)
    {
        if (violations.Count == 0)
        {
            throw new ArgumentException("A validation failure needs at least one violation.", nameof(violations));
        }
        Violations = violations;
    }

    public ValidationFailedException(string field, string description, string? localizedMessage = null)
        : this([new FieldViolation(field, description)], localizedMessage)
    {
    }

    public IReadOnlyList<FieldViolation> Violations { get; }

    private static string Describe(IReadOnlyList<FieldViolation> violations) =>
        "Invalid input: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));
}
