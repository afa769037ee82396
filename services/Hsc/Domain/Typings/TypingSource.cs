namespace DonationRegistry.Hsc.Domain.Typings;

/// <summary>How a typing reached the service.</summary>
public enum TypingSource
{
    GlString = 1,
    Hml = 2,
    Csv = 3,
}
