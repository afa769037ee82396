namespace DonationRegistry.FamilyCare.Domain.Visits;

/// <summary>Visit states of DOMAIN.md section 5.</summary>
public enum VisitStatus
{
    Planned = 1,
    Scheduled = 2,
    Visited = 3,
    Missed = 4,
    FollowedUp = 5,
    Closed = 6,
}
