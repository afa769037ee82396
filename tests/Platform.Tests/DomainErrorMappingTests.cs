using System.Net.Sockets;
using DonationRegistry.Common.Errors;
using DonationRegistry.ServiceDefaults;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Xunit;

namespace DonationRegistry.Platform.Tests;

/// <summary>
/// Every domain error kind maps to the status code ARCHITECTURE.md section 3 names; the infrastructure failing is told apart from a
/// bug (UNAVAILABLE, retried by clients, versus INTERNAL).
/// </summary>
public sealed class DomainErrorMappingTests
{
    public static TheoryData<DomainException, StatusCode> Cases => new()
    {
        { new ValidationFailedException("name", "required"), StatusCode.InvalidArgument },
        { new NotFoundException("Registration", "R1"), StatusCode.NotFound },
        { new IllegalTransitionException("Draft", "Confirm", ["Submit"]), StatusCode.FailedPrecondition },
        { new ConcurrentEditException("Registration", "R1"), StatusCode.Aborted },
        { new DuplicateException("exists"), StatusCode.AlreadyExists },
        { new AccessDeniedException("no"), StatusCode.PermissionDenied },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CodeOf_WhenDomainError_ReturnsDocumentedStatus(DomainException error, StatusCode expected) =>
        Assert.Equal(expected, DomainErrorInterceptor.CodeOf(error));

    public static TheoryData<string, Exception, bool> Failures => new()
    {
        { "connection refused", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), true },
        { "connection reset mid-query", new NpgsqlException("Exception while reading from stream", new IOException("reset")), true },
        { "command timeout", new NpgsqlException("Exception while reading from stream", new TimeoutException()), true },
        { "server shutting down (57P01)", new PostgresException("terminating connection", "FATAL", "FATAL", "57P01"), true },
        { "too many connections (53300)", new PostgresException("too many clients", "FATAL", "FATAL", "53300"), true },
        { "crash shutdown (57P02)", new PostgresException("terminating connection", "FATAL", "FATAL", "57P02"), true },
        { "EF gave up retrying", new RetryLimitExceededException("retries", new NpgsqlException("read", new EndOfStreamException())), true },
        { "save on a dropped connection", new DbUpdateException("save", new NpgsqlException("read", new IOException("reset"))), true },
        // The shapes a PostgreSQL fast shutdown takes (Npgsql 10 / EF Core 10): new connections refused while it shuts down or
        // starts, the backend of a live connection terminated, and what Npgsql and EF wrap around that on the way up.
        { "shutting down or starting up (57P03)", new PostgresException("the database system is shutting down", "FATAL", "FATAL", "57P03"), true },
        { "connection failure (08006)", new PostgresException("connection failure", "FATAL", "FATAL", "08006"), true },
        { "save while the server terminated the backend", new DbUpdateException("save", new PostgresException("terminating connection", "FATAL", "FATAL", "57P01")), true },
        {
            "a connection used again after it broke", new NpgsqlException("The connection was previously broken because of the following exception",
                new PostgresException("terminating connection", "FATAL", "FATAL", "57P01")), true
        },
        {
            "the transaction of a broken connection (disposed with the break's reason)", new ObjectDisposedException("NpgsqlTransaction",
                new NpgsqlException("Exception while reading from stream", new EndOfStreamException())), true
        },
        {
            "EF's non-retrying strategy wrapping a transient error", new InvalidOperationException(
                "An exception has been raised that is likely due to a transient failure.",
                new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03")), true
        },
        { "a bug", new InvalidOperationException("Sequence contains no elements"), false },
        { "a transaction used after it completed (the code's mistake)", new InvalidOperationException("This NpgsqlTransaction has completed; it is no longer usable."), false },
        { "an argument the code did not expect", new ArgumentOutOfRangeException("index"), false },
        { "unique violation (23505)", new DbUpdateException("save", new PostgresException("duplicate key", "ERROR", "ERROR", "23505")), false },
        { "missing table (42P01)", new PostgresException("relation does not exist", "ERROR", "ERROR", "42P01"), false },
        { "a non-transient Npgsql error", new NpgsqlException("bad"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void IsInfrastructureFailure_WhenExceptionThrown_TellsOutageFromBug(string situation, Exception exception, bool expected) =>
        Assert.True(DomainErrorInterceptor.IsInfrastructureFailure(exception) == expected, situation);
}
