namespace DonationRegistry.Common.Errors;

/// <summary>Someone else changed the record since it was read: ABORTED; the client re-reads and retries.</summary>
public sealed class ConcurrentEditException(string resource, string id, string? localizedMessage = null)
    : DomainException($"{resource} '{id}' was changed by someone else; read it again and retry.", localizedMessage);
