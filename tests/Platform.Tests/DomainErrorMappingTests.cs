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
        { "a bug", new InvalidOperationException("Sequence contains no elements"), false },
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
