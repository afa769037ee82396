using DonationRegistry.Common.Errors;

namespace DonationRegistry.Hsc.Application;

/// <summary>Resource names of the HSC API: <c>donors/{volunteer_id}</c>, <c>searches/{id}</c>.</summary>
public static class ResourceNames
{
    public static string Donor(Guid id) => $"donors/{id}";

    public static string Typing(Guid donorId, Guid typingId) => $"donors/{donorId}/typings/{typingId}";

    public static string Search(Guid id) => $"searches/{id}";

    public static Guid ParseDonor(string? name, string field = "name") => Parse(name, "donors/", field);

    public static Guid ParseSearch(string? name, string field = "name") => Parse(name, "searches/", field);

    private static Guid Parse(string? name, string prefix, string field) =>
        name is not null && name.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(name.AsSpan(prefix.Length), out var id)
            ? id
            : throw new ValidationFailedException(field, $"Expected \"{prefix}{{id}}\".", "资源名称格式不正确。");
}
