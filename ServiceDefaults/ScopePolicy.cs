namespace DonationRegistry.ServiceDefaults;

/// <summary>Names of the authorisation policies that require one OAuth scope, e.g. <c>[Authorize(Policy = ScopePolicy.Registration)]</c>.</summary>
public static class ScopePolicy
{
    public const string Registration = "scope:registration";
    public const string Hsc = "scope:hsc";
    public const string Organ = "scope:organ";
    public const string FamilyCare = "scope:familycare";
    public const string Identity = "scope:identity";

    public static string For(string scope) => "scope:" + scope;
}
