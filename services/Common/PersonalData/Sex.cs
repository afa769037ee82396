namespace DonationRegistry.Common.PersonalData;

/// <summary>Sex as recorded on the ID document.</summary>
public enum Sex
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}
