using DonationRegistry.ServiceDefaults;
using DonationRegistry.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Xunit;

namespace DonationRegistry.Platform.Tests;

/// <summary>
/// What a PostgreSQL fast shutdown does to each live connection, one connection at a time: <c>pg_terminate_backend</c> ends the
/// backend with FATAL 57P01 (admin_shutdown), as a fast shutdown does to every backend. A context set up as the services' contexts
/// are (statement reuse, <see cref="StaleCommandGuard"/>, one NpgsqlConnection for the context's life as in the pool) runs units of
/// work like <see cref="UnitOfWork"/> (transaction, SaveChanges with its savepoint, commit): the one that meets the dead connection
/// fails with an infrastructure failure (UNAVAILABLE), and every one after it, on a new physical connection, succeeds.
/// </summary>
public sealed class TerminatedConnectionTests : IAsyncLifetime
{
    private readonly FreshDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task UnitOfWork_WhenTheBackendWasTerminatedAfterSomeWork_FailsAsInfrastructureOnceThenSucceeds(int unitsBefore)
    {
        await using var db = NewContext();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE notes (id uuid PRIMARY KEY, text text NOT NULL)");
        for (var i = 0; i < unitsBefore; i++)
        {
            await SaveNoteAsync(db);
        }

        await TerminateBackendOfAsync(db);

        var failure = await Record.ExceptionAsync(() => SaveNoteAsync(db));
        Assert.NotNull(failure);
        Assert.True(DomainErrorInterceptor.IsInfrastructureFailure(failure), failure.ToString());
        for (var i = 0; i < 4; i++)
        {
            await SaveNoteAsync(db);
        }
        var saved = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM notes").SingleAsync();
        Assert.Equal(unitsBefore + 4, saved);
    }

    [Fact]
    public async Task UnitOfWork_WhenTheBackendEndsRightAfterTheInsert_FailsAsInfrastructureNotAsACompletedTransaction()
    {
        var terminator = new TerminateBeforeSavepointRelease(_database.ConnectionString);
        await using var db = NewContext(terminator);
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE notes (id uuid PRIMARY KEY, text text NOT NULL)");
        await db.Database.OpenConnectionAsync();
        terminator.Backend = await db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();

        // As Registration's enrolment does: SaveChanges, then one more statement in the same transaction, then commit.
        var failure = await Record.ExceptionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "note" });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE notes SET text = 'counted'");
            await transaction.CommitAsync();
        });

        Assert.True(terminator.Terminated);
        Assert.NotNull(failure);
        Assert.True(DomainErrorInterceptor.IsInfrastructureFailure(failure), failure.ToString());
        await SaveNoteAsync(db);
        Assert.Equal(1, await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM notes").SingleAsync());
    }

    /// <summary>One unit of work as <see cref="UnitOfWork"/> runs it, without the retrying strategy (to see each failure).</summary>
    private static async Task SaveNoteAsync(NoteContext db)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "note" });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Ends the context's backend as a fast shutdown would (FATAL 57P01), from another connection.</summary>
    private async Task TerminateBackendOfAsync(NoteContext db)
    {
        await db.Database.OpenConnectionAsync();
        var pid = await db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
        await using var admin = new NpgsqlConnection(_database.ConnectionString);
        await admin.OpenAsync();
        await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid, 5000)", admin);
        terminate.Parameters.AddWithValue("pid", pid);
        Assert.True((bool)(await terminate.ExecuteScalarAsync())!);
    }

    /// <summary>A context as the services' are; <paramref name="first"/> runs before their guard.</summary>
    private NoteContext NewContext(params IInterceptor[] first) => new(new DbContextOptionsBuilder<NoteContext>()
        .UseNpgsql(DatabaseExtensions.WithStatementReuse(_database.ConnectionString))
        .AddInterceptors([.. first, new StaleCommandGuard()])
        .Options);
}
