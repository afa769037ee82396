namespace DonationRegistry.OrganCoordination.Domain;

/// <summary>Kind of identity document (the same kinds the Registration service knows).</summary>
public enum IdType
{
    /// <summary>居民身份证, GB 11643.</summary>
    ResidentId = 1,
    Passport = 2,
    /// <summary>港澳居民来往内地通行证.</summary>
    HongKongMacauPermit = 3,
    /// <summary>台湾居民来往大陆通行证.</summary>
    TaiwanPermit = 4,
}
