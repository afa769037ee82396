using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace DonationRegistry.ServiceDefaults;

/// <summary>
/// Keeps a command that failed on a dying connection from being used again. Npgsql keeps one command per
/// <see cref="NpgsqlConnection"/> and hands it out again from <c>CreateCommand()</c> after it was disposed (see npgsql#5690: its
/// reset does not clear everything), and a pooled DbContext keeps its NpgsqlConnection for life. With auto-preparation on
/// (<see cref="DatabaseExtensions"/>), a command whose write failed while its statement was being prepared keeps that half-done
/// preparation; handed out again on the next physical connection it fails with a NullReferenceException or "Received backend
/// message BindComplete while expecting ParseCompleteMessage" — INTERNAL instead of a retry, once per pooled context after the
/// database restarted or the network dropped (reproduced with Npgsql 10.0.3: cached command + reused connection + auto-prepare).
/// So EF's own commands are always created new (one small allocation each), and a connection that is opened again after it
/// broke drops the command cached on it (the services' few raw ADO.NET queries on the context's connection use that cache).
/// <para>
/// And EF never releases the savepoint it sets around SaveChanges inside a transaction. EF ignores a failed <c>RELEASE SAVEPOINT</c>
/// (it only logs BatchExecutorFailedToReleaseSavepoint): when PostgreSQL's fast shutdown ended the backend right after the
/// insert, SaveChanges reported success on a dead connection and the next command of the same unit of work failed with a bare
/// InvalidOperationException "Transaction is already completed" — INTERNAL, not retried (seen in the system tests' PostgreSQL
/// restart, 2026-11-24). Unreleased, the savepoint ends with the transaction's commit or rollback, a rollback to it still works,
/// and the broken connection shows on the next command as the transient Npgsql error it is (retried, else UNAVAILABLE).
/// </para>
/// </summary>
internal sealed class StaleCommandGuard : DbCommandInterceptor, IDbConnectionInterceptor, IDbTransactionInterceptor
{
    InterceptionResult IDbTransactionInterceptor.ReleasingSavepoint(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result) => InterceptionResult.Suppress();

    ValueTask<InterceptionResult> IDbTransactionInterceptor.ReleasingSavepointAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken) => ValueTask.FromResult(InterceptionResult.Suppress());

    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        eventData.Connection is NpgsqlConnection connection
            ? InterceptionResult<DbCommand>.SuppressWithResult(new NpgsqlCommand { Connection = connection })
            : result;

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        DropCachedCommandIfBroken(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        DropCachedCommandIfBroken(connection);
        return ValueTask.FromResult(result);
    }

    /// <summary>
    /// A broken NpgsqlConnection reports <see cref="ConnectionState.Closed"/> as its State (so EF does not close it) but keeps
    /// <see cref="ConnectionState.Broken"/> in FullState until it is opened again: take its cached command out and dispose of it
    /// detached, so it is not cached again.
    /// </summary>
    private static void DropCachedCommandIfBroken(DbConnection connection)
    {
        if (connection is NpgsqlConnection npgsql && npgsql.FullState.HasFlag(ConnectionState.Broken))
        {
            using var stale = npgsql.CreateCommand();
            stale.Connection = null;
        }
    }
}
