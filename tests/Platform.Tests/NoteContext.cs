using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Platform.Tests;

/// <summary>The smallest context for <see cref="TerminatedConnectionTests"/>: one table, written in units of work.</summary>
public sealed class NoteContext(DbContextOptions<NoteContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Note>(note =>
        {
            note.ToTable("notes");
            note.Property(n => n.Id).HasColumnName("id");
            note.Property(n => n.Text).HasColumnName("text");
        });
}
