namespace DonationRegistry.Registration.Application;

public sealed class RegistrationQueries;
