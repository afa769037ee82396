using DonationRegistry.Common.Errors;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>Resource names of this API ("organCases/{id}", "credentials/{id}") and request ids.</summary>
public static class ResourceNames
{
    public const string OrganCasePrefix = "organCases/";
    public const string CredentialPrefix = "credentials/";
    public const string BodyCasePrefix = "bodyCases/";
    public const string TissueCasePrefix = "tissueCases/";
    public const string ReceivingUnitPrefix = "receivingUnits/";
    public const string MemorialPrefix = "memorials/";

    public static string OrganCase(Guid id) => OrganCasePrefix + id.ToString();

    public static string Credential(Guid id) => CredentialPrefix + id.ToString();

    public static string BodyCase(Guid id) => BodyCasePrefix + id.ToString();

    public static string TissueCase(Guid id) => TissueCasePrefix + id.ToString();

    public static string ReceivingUnit(string id) => ReceivingUnitPrefix + id;

    public static string Memorial(Guid id) => MemorialPrefix + id.ToString();

    public static Guid ParseBodyCase(string? name, string field = "name") => Parse(name, BodyCasePrefix, field);

    public static Guid ParseTissueCase(string? name, string field = "name") => Parse(name, TissueCasePrefix, field);

    public static Guid ParseMemorial(string? name, string field = "name") => Parse(name, MemorialPrefix, field);

    /// <summary>The unit id of "receivingUnits/{id}"; INVALID_ARGUMENT naming <paramref name="field"/> otherwise.</summary>
    public static string ParseReceivingUnit(string? name, string field = "name") =>
        name is not null && name.StartsWith(ReceivingUnitPrefix, StringComparison.Ordinal) && name.Length > ReceivingUnitPrefix.Length
            ? name[ReceivingUnitPrefix.Length..]
            : throw new ValidationFailedException(field, $"A resource name \"{ReceivingUnitPrefix}{{id}}\" is required.", "接收单位名称无效。");

    public static Guid ParseOrganCase(string? name, string field = "name") => Parse(name, OrganCasePrefix, field);

    public static Guid ParseCredential(string? name, string field = "name") => Parse(name, CredentialPrefix, field);

    /// <summary>An optional idempotency key (a UUID) or null when empty.</summary>
    public static Guid? ParseRequestId(string? requestId) =>
        string.IsNullOrEmpty(requestId) ? null
        : Guid.TryParse(requestId, out var id) ? id
        : throw new ValidationFailedException("request_id", "A UUID is required.", "请求编号应为 UUID。");

    private static Guid Parse(string? name, string prefix, string field) =>
        name is not null && name.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(name.AsSpan(prefix.Length), out var id)
            ? id
            : throw new ValidationFailedException(field, $"A resource name \"{prefix}{{id}}\" is required.", "资源名称无效。");
}
