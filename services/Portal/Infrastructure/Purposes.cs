namespace DonationRegistry.Portal.Infrastructure;

/// <summary>Why the Portal reads a person's data (the services audit it with every read).</summary>
public static class Purposes
{
    public const string DeskList = "登记点工作台：查看本登记点登记";
    public const string DeskDetail = "登记点工作台：办理登记";
    public const string Certificate = "登记点工作台：打印登记证书";
    public const string ConfirmationQueue = "登记管理：确认队列";
    public const string OrganList = "器官捐献协调：案例列表";
    public const string OrganCase = "器官捐献协调：办理案例";
}
