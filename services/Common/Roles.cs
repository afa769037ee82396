namespace DonationRegistry.Common;

/// <summary>The user roles of DOMAIN.md section 1, as they appear in the <c>role</c> claim.</summary>
public static class Roles
{
    /// <summary>登记点工作人员: staff of a registration point.</summary>
    public const string RegistrationClerk = "registration_clerk";
    /// <summary>省/市红十字会: provincial or city Red Cross registry staff.</summary>
    public const string RegistryOfficer = "registry_officer";
    /// <summary>造血干细胞工作人员: city Red Cross HSC staff.</summary>
    public const string HscCoordinator = "hsc_coordinator";
    /// <summary>属地红十字会: county Red Cross officer.</summary>
    public const string LocalRedCrossOfficer = "local_officer";
    /// <summary>采集医院: doctors and nurses of a collection hospital.</summary>
    public const string CollectionHospitalStaff = "collection_hospital_staff";
    /// <summary>人体器官捐献协调员: credentialed organ donation coordinator.</summary>
    public const string OrganCoordinator = "organ_coordinator";
    /// <summary>关爱工作人员: 小桔灯 family-care staff.</summary>
    public const string FamilyCareStaff = "family_care_staff";
    /// <summary>Provincial IT: users and configuration.</summary>
    public const string Administrator = "administrator";
    /// <summary>Supervision: reads audit logs and reports, changes nothing.</summary>
    public const string Auditor = "auditor";
    /// <summary>遗体接收单位、眼库、脑库工作人员: staff of a body-receiving unit, an eye bank or a brain bank (org_id = the unit's id).</summary>
    public const string ReceivingUnitStaff = "receiving_unit_staff";
    /// <summary>A service calling another service (client credentials).</summary>
    public const string Service = "service";

    /// <summary>Every human role, in the order DOMAIN.md lists them.</summary>
    public static IReadOnlyList<string> People { get; } =
    [
        RegistrationClerk, RegistryOfficer, HscCoordinator, LocalRedCrossOfficer, CollectionHospitalStaff,
        OrganCoordinator, FamilyCareStaff, Administrator, Auditor, ReceivingUnitStaff,
    ];
}
