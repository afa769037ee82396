namespace DonationRegistry.Hosting;

/// <summary>A resource could not be started; the message says what to do about it.</summary>
public sealed class HostingException(string message) : Exception(message);
