using DonationRegistry.Common;

namespace DonationRegistry.Hsc.Tests.Collection;

/// <summary>The three parties of the cases a test opens: a city Red Cross, a county of it (where the donors live) and a hospital.</summary>
public sealed record Parties(string City, string County, string HospitalOrgId)
{
    /// <summary>Ningbo (宁波), Haishu district (海曙), a Ningbo collection hospital.</summary>
    public static Parties Ningbo { get; } = new("330200", "330203", "H-330203-0001");

    /// <summary>Wenzhou (温州), used only by the statistics test so its counts are its own.</summary>
    public static Parties Wenzhou { get; } = new("330300", "330302", "H-330302-0001");

    public string CityOrgId => "RC-" + City;

    public string CountyOrgId => "RC-" + County;

    /// <summary>(role, organisation, region) of each party's users.</summary>
    public (string Role, string OrgId, string Region) CityUser => (Roles.HscCoordinator, CityOrgId, City);

    public (string Role, string OrgId, string Region) LocalUser => (Roles.LocalRedCrossOfficer, CountyOrgId, County);

    public (string Role, string OrgId, string Region) HospitalUser => (Roles.CollectionHospitalStaff, HospitalOrgId, County);
}
