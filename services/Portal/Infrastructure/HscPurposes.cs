namespace DonationRegistry.Portal.Infrastructure;

/// <summary>Why the Portal reads HSC data (the HSC service audits every read with it).</summary>
public static class HscPurposes
{
    public const string RequestList = "造血干细胞：查看供者请求列表";
    public const string Request = "造血干细胞：办理供者请求";
    public const string CaseList = "造血干细胞：查看采集案例列表";
    public const string Case = "造血干细胞：办理采集案例";
}
