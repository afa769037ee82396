namespace DonationRegistry.FamilyCare.Domain.Visits;

/// <summary>A family-care staff member or volunteer; <see cref="Region"/> is the region they may visit in (a county, a city, or the province).</summary>
public sealed record StaffMember(string Id, string Name, string Region)
{
    public bool Serves(string familyRegion) => RegionCodes.Contains(Region, familyRegion);
}
