namespace DonationRegistry.Registration.Tests;

/// <summary>Builds import files in the documented CSV format (docs/registration-import.md): the template header and valid rows.</summary>
public static class ImportCsv
{
    /// <summary>The template header, every column.</summary>
    public const string Header =
        "姓名,证件类型,证件号码,出生日期,性别,手机号码,联系地址,捐献类型,捐献范围,紧急联系人,联系人关系,联系人电话,执行人类型,执行人姓名,执行人电话,敏感信息同意,转交同意";

    /// <summary>A valid organ row (kidney and liver) for <paramref name="idNumber"/>; the address is quoted and contains a comma.</summary>
    public static string Row(string idNumber, string name = "张三") =>
        $"{name},居民身份证,{idNumber},,,13800138000,\"杭州市西湖区文三路 100 号, 3 幢\",器官,肾脏;肝脏,李四,配偶,13900139000,,,,是,是";

    /// <summary>A valid body-and-tissue row (whole body and cornea) with an executor.</summary>
    public static string BodyRow(string idNumber, string name = "王芳") =>
        $"{name},身份证,{idNumber},,,13800138001,杭州市上城区,遗体组织,遗体；角膜,李四,子女,13900139001,养老机构,浙江民生社会养老服务中心,0571-88889999,是,是";
}
