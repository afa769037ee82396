using DonationRegistry.Common.Errors;

namespace DonationRegistry.Hsc.Application.Requests;

/// <summary>Resource names of donor requests: <c>donorRequests/{id}</c>.</summary>
public static class DonorRequestNames
{
    private const string Prefix = "donorRequests/";

    public static string Format(Guid id) => Prefix + id;

    public static Guid Parse(string? name, string field = "name") =>
        name is not null && name.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParse(name.AsSpan(Prefix.Length), out var id)
            ? id
            : throw new ValidationFailedException(field, $"'{name}': expected \"{Prefix}{{id}}\".", "资源名称格式不正确。");
}
