namespace DonationRegistry.Hla.Tool;

/// <summary>Bad command-line arguments: the message says what is wrong, in words for the person who typed them.</summary>
internal sealed class UsageException(string message) : Exception(message);
