namespace DonationRegistry.FamilyCare.Application;

/// <summary>Resource names of the FamilyCare API.</summary>
public static class Names
{
    public const string Families = "families";
    public const string AidFunds = "aidFunds";
    public const string AidCases = "aidCases";
    public const string Campaigns = "campaigns";
    public const string Visits = "visits";
    public const string StaffMembers = "staffMembers";

    public static string Of(string collection, Guid id) => $"{collection}/{id:D}";

    public static string Staff(string userId) => $"{StaffMembers}/{userId}";

    /// <summary>The user id in "staffMembers/{user_id}", or null when malformed.</summary>
    public static string? StaffId(string? name) =>
        name is not null && name.StartsWith(StaffMembers + "/", StringComparison.Ordinal) && name.Length > StaffMembers.Length + 1 &&
        name.Length <= StaffMembers.Length + 65 && !name.AsSpan(StaffMembers.Length + 1).Contains('/')
            ? name[(StaffMembers.Length + 1)..]
            : null;
}
