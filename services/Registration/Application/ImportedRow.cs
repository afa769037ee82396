using DonationRegistry.Registration.Domain.Registrations;

namespace DonationRegistry.Registration.Application;

/// <summary>One CSV row read into the values a clerk would have typed into CreateRegistration (not yet validated by the domain).</summary>
public sealed record ImportedRow(
    int Row, PersonForm Person, Programme Programme, IReadOnlyList<DonationScope> Scope, ContactForm? Contact, ExecutorForm? Executor,
    bool SensitiveDataConsent, bool TransferConsent)
{
    /// <summary>The row as a CreateRegistration input at <paramref name="pointName"/> (channel AUTHORISED_POINT).</summary>
    public RegistrationInput ToInput(string pointName) =>
        new(pointName, Channel.AuthorisedPoint, Programme, Scope, Person, Contact, Executor, SensitiveDataConsent, TransferConsent);
}
