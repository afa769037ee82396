using DonationRegistry.Common.Errors;

namespace DonationRegistry.Registration.Application;

/// <summary>Resource names of the API ("registrationPoints/{id}", "registrations/{id}") and their ids.</summary>
public static class ResourceNames
{
    public const string PointPrefix = "registrationPoints/";
    public const string RegistrationPrefix = "registrations/";

    public static string Point(Guid id) => PointPrefix + id.ToString();

    public static string Registration(Guid id) => RegistrationPrefix + id.ToString();

    /// <summary>The id in a point name, or INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static Guid ParsePoint(string? name, string field = "name") => Parse(name, PointPrefix, field);

    /// <summary>The id in a registration name, or INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static Guid ParseRegistration(string? name, string field = "name") => Parse(name, RegistrationPrefix, field);

    /// <summary>A client-chosen request id (a UUID), or INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static Guid ParseRequestId(string? requestId, string field = "request_id") =>
        Guid.TryParse(requestId, out var id) && id != Guid.Empty
            ? id
            : throw new ValidationFailedException(field, "A UUID chosen by the client is required (it makes the request idempotent).");

    /// <summary>The id in a point name, or null when it is not one.</summary>
    public static Guid? TryParsePoint(string? name) =>
        name is not null && name.StartsWith(PointPrefix, StringComparison.Ordinal) && Guid.TryParse(name.AsSpan(PointPrefix.Length), out var id) ? id : null;

    private static Guid Parse(string? name, string prefix, string field) =>
        name is not null && name.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(name.AsSpan(prefix.Length), out var id)
            ? id
            : throw new ValidationFailedException(field, $"A resource name \"{prefix}{{id}}\" is required.");
}
