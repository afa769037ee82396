namespace DonationRegistry.OrganCoordination.Domain.ReceivingUnits;

/// <summary>What kind of unit receives a donation.</summary>
public enum ReceivingUnitKind
{
    /// <summary>遗体接收单位, e.g. 浙江大学医学院.</summary>
    BodyReceivingUnit = 1,
    /// <summary>眼库.</summary>
    EyeBank = 2,
    /// <summary>脑库, e.g. the national brain bank at Zhejiang University.</summary>
    BrainBank = 3,
}
