using DonationRegistry.Registration.Domain.Registrations;

namespace DonationRegistry.Registration.Application;

/// <summary>A new registration as submitted (plain values; validated by <see cref="RegistrationCommands.CreateAsync"/>).</summary>
public sealed record RegistrationInput(
    string? PointName, Channel Channel, Programme Programme, IReadOnlyList<DonationScope> Scope, PersonForm Person,
    ContactForm? NotificationContact, ExecutorForm? Executor, bool SensitiveDataConsent, bool TransferConsent);

/// <summary>A witness as submitted.</summary>
public sealed record WitnessInput(string FullName, string Relation, IdType IdType, string IdNumber, DateTimeOffset? SignedAt);

/// <summary>The witnessing of the intent letter as submitted.</summary>
public sealed record WitnessingInput(IReadOnlyList<WitnessInput> Witnesses, bool FamilyInformed, string LetterSha256);

/// <summary>The values of an amendment; only the fields named in the mask are used.</summary>
public sealed record AmendmentInput(
    IReadOnlyList<DonationScope> Scope, string? Phone, string? Address, ContactForm? NotificationContact, ExecutorForm? Executor);

/// <summary>An HSC enrolment as submitted.</summary>
public sealed record HscEnrolmentInput(string? PointName, PersonForm Person, bool SensitiveDataConsent, bool TransferConsent);
