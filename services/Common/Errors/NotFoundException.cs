namespace DonationRegistry.Common.Errors;

/// <summary>The named resource does not exist (or the caller may not know it does): NOT_FOUND.</summary>
public sealed class NotFoundException(string resource, string id, string? localizedMessage = null)
    : DomainException($"{resource} '{id}' was not found.", localizedMessage)
{
    public string Resource { get; } = resource;
    public string Id { get; } = id;
}
