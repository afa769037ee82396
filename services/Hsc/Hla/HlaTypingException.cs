namespace DonationRegistry.Hla;

/// <summary>
/// A typing, GL String or HML document that cannot be interpreted. <see cref="Token"/> is the offending piece exactly as written
/// (so a user can find it), <see cref="Reason"/> says why in plain words, and <see cref="Replacement"/> names what IMGT says a
/// deleted or renamed allele became, when it says.
/// </summary>
public sealed class HlaTypingException : Exception
{
    public HlaTypingException(string token, string reason, string? replacement = null)
        : base(replacement is null ? $"'{token}': {reason}" : $"'{token}': {reason} (now {replacement})")
    {
        Token = token;
        Reason = reason;
        Replacement = replacement;
    }

    public HlaTypingException() : this("", "invalid typing") { }

    public HlaTypingException(string message) : this(message, message) { }

    public HlaTypingException(string message, Exception innerException) : base(message, innerException)
    {
        Token = message;
        Reason = message;
    }

    /// <summary>The offending token as written.</summary>
    public string Token { get; }

    /// <summary>Why it was refused.</summary>
    public string Reason { get; }

    /// <summary>The current name IMGT gives for a deleted or renamed allele, when it gives one.</summary>
    public string? Replacement { get; }
}
