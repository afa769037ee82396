namespace DonationRegistry.Registration.Application;

/// <summary>Placeholder so the service builds; the import engineer replaces this file.</summary>
public sealed class RegistrationImporter;
