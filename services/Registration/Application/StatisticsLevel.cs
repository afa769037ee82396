namespace DonationRegistry.Registration.Application;

/// <summary>What a statistics row is grouped by.</summary>
public enum StatisticsLevel
{
    /// <summary>The whole province: one group, "330000".</summary>
    Province = 1,
    /// <summary>Per city (33xx00); a county's counts go to its city.</summary>
    City = 2,
    /// <summary>Per county (the region code of the point, which may be a city code for a point at city level).</summary>
    County = 3,
    /// <summary>Per registration point (its code); records without a point (online) form the group "ONLINE".</summary>
    Point = 4,
}
