namespace DonationRegistry.Registration.Domain.Points;

/// <summary>A clerk (Identity user id) who acts for a point.</summary>
public sealed class PointStaffMember(string userId)
{
    public string UserId { get; private set; } = userId;
}
