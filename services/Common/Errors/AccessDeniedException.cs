namespace DonationRegistry.Common.Errors;

/// <summary>The caller's role or organisation may not do this: PERMISSION_DENIED.</summary>
public sealed class AccessDeniedException(string message, string? localizedMessage = null) : DomainException(message, localizedMessage);
