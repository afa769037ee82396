namespace DonationRegistry.Platform.Tests;

/// <summary>A row of <see cref="NoteContext"/>.</summary>
public sealed class Note
{
    public Guid Id { get; set; }

    public string Text { get; set; } = "";
}
