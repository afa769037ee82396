namespace DonationRegistry.Registration.Domain.Points;

/// <summary>A service a point offers.</summary>
public enum PointService
{
    Consultation = 1,
    Registration = 2,
    IntentLetterWitness = 3,
    HscSampleCollection = 4,
}
