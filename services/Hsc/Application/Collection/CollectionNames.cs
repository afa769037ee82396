using DonationRegistry.Common.Errors;

namespace DonationRegistry.Hsc.Application.Collection;

/// <summary>Resource names of the collection API: <c>collectionCases/{id}</c>, and the donor requests cases are opened from.</summary>
public static class CollectionNames
{
    public const string AuditSubject = "collection_case";

    public static string Case(Guid id) => $"collectionCases/{id}";

    public static string DonorRequest(Guid id) => $"donorRequests/{id}";

    public static Guid ParseCase(string? name, string field = "name") => Parse(name, "collectionCases/", field);

    public static Guid ParseDonorRequest(string? name, string field = "donor_request") => Parse(name, "donorRequests/", field);

    private static Guid Parse(string? name, string prefix, string field) =>
        name is not null && name.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(name.AsSpan(prefix.Length), out var id)
            ? id
            : throw new ValidationFailedException(field, $"Expected \"{prefix}{{id}}\".", "资源名称格式不正确。");
}
