using DonationRegistry.Common;
using DonationRegistry.Identity.Domain;

namespace DonationRegistry.Identity.Infrastructure;

/// <summary>One demo user per human role, at realistic Zhejiang organisations (seeded in Development only).</summary>
public static class DemoUsers
{
    public static IReadOnlyList<UserProfile> All { get; } =
    [
        new("clerk", "张敏（杭州市上城区登记点）", Roles.RegistrationClerk, "registration_point", "RP-330100-0001", "330100"),
        new("officer.hz", "李强（杭州市红十字会）", Roles.RegistryOfficer, "city", "RC-330100", "330100"),
        new("officer.zj", "王芳（浙江省红十字会）", Roles.RegistryOfficer, "province", "RC-330000", "330000"),
        new("hsc.nb", "陈静（宁波市红十字会造血干细胞）", Roles.HscCoordinator, "city", "RC-330200", "330200"),
        new("local.yh", "赵磊（余杭区红十字会）", Roles.LocalRedCrossOfficer, "county", "RC-330110", "330110"),
        new("hospital.nb", "周洁（宁波市第一医院采集科）", Roles.CollectionHospitalStaff, "hospital", "H-330203-0001", "330203"),
        new("coordinator", "吴刚（浙江大学医学院附属第一医院 OPO）", Roles.OrganCoordinator, "hospital", "H-330102-0001", "330102"),
        new("care.hz", "孙丽（小桔灯关爱·杭州）", Roles.FamilyCareStaff, "city", "RC-330100", "330100"),
        new("admin", "系统管理员", Roles.Administrator, "province", "RC-330000", "330000"),
        new("auditor", "审计员", Roles.Auditor, "province", "RC-330000", "330000"),
        new("unit.zju", "郑华（浙江大学医学院遗体接收站）", Roles.ReceivingUnitStaff, "receiving_unit", "BRU-330100-ZJU", "330100"),
    ];
}
