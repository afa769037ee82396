namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>The three parties of the Ningbo procedure (三方): each step is owned by one of them.</summary>
public enum CaseParty
{
    /// <summary>市红十字会: the city Red Cross (role hsc_coordinator, region = the case's city).</summary>
    CityRedCross = 1,
    /// <summary>属地红十字会: the county Red Cross where the donor lives (role local_officer, region = the case's county).</summary>
    LocalRedCross = 2,
    /// <summary>采集医院: the collection hospital (role collection_hospital_staff, organisation = the case's hospital).</summary>
    CollectionHospital = 3,
}
