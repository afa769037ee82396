namespace DonationRegistry.Common.Errors;

/// <summary>
/// Base of every error the domain raises on purpose. The gRPC interceptor in ServiceDefaults maps each kind to its status code;
/// anything that is not a <see cref="DomainException"/> is an unexpected fault (INTERNAL, text hidden).
/// </summary>
public abstract class DomainException(string message, string? localizedMessage = null) : Exception(message)
{
    /// <summary>The same message for a clerk, in Chinese (zh-CN); shown by the Portal.</summary>
    public string? LocalizedMessage { get; } = localizedMessage;
}
