namespace DonationRegistry.Hsc.Domain.Donors;

/// <summary>Cytomegalovirus serostatus, as recorded by staff.</summary>
public enum CmvStatus
{
    Unknown = 0,
    Negative = 1,
    Positive = 2,
}
