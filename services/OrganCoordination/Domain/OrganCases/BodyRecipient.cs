namespace DonationRegistry.OrganCoordination.Domain.OrganCases;

/// <summary>Who receives the restored body.</summary>
public enum BodyRecipient
{
    Family = 1,
    /// <summary>A body-receiving unit (遗体接受单位): only when the family also consented to body donation.</summary>
    ReceivingUnit = 2,
}
