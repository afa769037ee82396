namespace DonationRegistry.Common;

/// <summary>OAuth scopes, one per business service (ARCHITECTURE.md section 6).</summary>
public static class Scopes
{
    public const string Registration = "registration";
    public const string Hsc = "hsc";
    public const string Organ = "organ";
    public const string FamilyCare = "familycare";
    /// <summary>User administration on the Identity service.</summary>
    public const string Identity = "identity";

    public static IReadOnlyList<string> All { get; } = [Registration, Hsc, Organ, FamilyCare, Identity];
}
