namespace DonationRegistry.Hla.Matching;

/// <summary>Cytomegalovirus serostatus of a donor or patient.</summary>
public enum CmvStatus
{
    Unknown,
    Negative,
    Positive,
}
