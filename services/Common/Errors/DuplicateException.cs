namespace DonationRegistry.Common.Errors;

/// <summary>The thing already exists (a unique rule was hit): ALREADY_EXISTS.</summary>
public sealed class DuplicateException(string message, string? localizedMessage = null) : DomainException(message, localizedMessage);
