using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace DonationRegistry.Platform.Tests;

/// <summary>
/// Ends <see cref="Backend"/> (FATAL 57P01, as a fast shutdown does) when EF is about to release the savepoint of a SaveChanges
/// inside a transaction: the moment right after the insert at which a real shutdown once met a registration.
/// </summary>
public sealed class TerminateBeforeSavepointRelease(string adminConnectionString) : IDbTransactionInterceptor
{
    public int Backend { get; set; }

    public bool Terminated { get; private set; }

    public async ValueTask<InterceptionResult> ReleasingSavepointAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await TerminateAsync();
        return result;
    }

    private async Task TerminateAsync()
    {
        if (Terminated || Backend == 0)
        {
            return;
        }
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid, 5000)", admin);
        terminate.Parameters.AddWithValue("pid", Backend);
        Terminated = (bool)(await terminate.ExecuteScalarAsync())!;
    }
}
