namespace DonationRegistry.Common;

/// <summary>Claim types carried in access tokens (ARCHITECTURE.md section 6).</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Name = "name";
    /// <summary>Kind of organisation: province, city, county, registration_point, hospital, …</summary>
    public const string OrgType = "org_type";
    public const string OrgId = "org_id";
    /// <summary>GB/T 2260 six-digit region code of the caller's organisation.</summary>
    public const string Region = "region";
    public const string Scope = "scope";
}
