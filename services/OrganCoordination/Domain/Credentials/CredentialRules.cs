namespace DonationRegistry.OrganCoordination.Domain.Credentials;

/// <summary>
/// [design] The training and validity rules (configuration <c>Credentials</c>): hours of training before certification, hours of
/// refresher training before each renewal, and how long a certification or renewal is valid.
/// </summary>
public sealed record CredentialRules
{
    public int InitialTrainingHours { get; init; } = 40;
    public int RenewalTrainingHours { get; init; } = 16;
    public TimeSpan Validity { get; init; } = TimeSpan.FromDays(3 * 365);
}
