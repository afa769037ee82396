using DonationRegistry.Identity.Domain;

namespace DonationRegistry.Identity.Accounts;

/// <summary>The outcome of checking a user name and password.</summary>
public enum PasswordCheckOutcome
{
    Succeeded,
    /// <summary>Unknown user or wrong password (the two are not told apart).</summary>
    WrongCredentials,
    Disabled,
}

public sealed record PasswordCheck(PasswordCheckOutcome Outcome, User? User);
