extern alias familycare;

using System.Globalization;
using DonationRegistry.Common;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Identity;
using DonationRegistry.TestSupport.Security;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;
using Xunit.Abstractions;
using Families = familycare::DonationRegistry.FamilyCare.V1.Families;
using FamilyCareDbContext = familycare::DonationRegistry.FamilyCare.Infrastructure.FamilyCareDbContext;
using ListFamiliesRequest = familycare::DonationRegistry.FamilyCare.V1.ListFamiliesRequest;

namespace DonationRegistry.Platform.Tests;

/// <summary>
/// ServiceDefaults' DomainErrorInterceptor on a real service (FamilyCare) whose database is reached through a <see cref="TcpRelay"/>:
/// with the relay cut, a call that needs the database is UNAVAILABLE (clients retry with the same request_id), tells nothing of the
/// cause and logs the exception; restored, the same call answers again within a few calls, without a restart. A fault that retrying
/// cannot cure (a table missing) stays INTERNAL.
/// </summary>
public sealed class InfrastructureFailureTests(IdentityServer identity, ITestOutputHelper output) : IClassFixture<IdentityServer>, IAsyncLifetime
{
    private static readonly Google.Protobuf.Reflection.MethodDescriptor ListFamilies = Families.Descriptor.FindMethodByName("ListFamilies");

    private readonly FreshDatabase _database = new();
    private readonly LogCapture _logs = new();
    private TcpRelay? _relay;
    private ServiceHost<FamilyCareDbContext>? _host;

    private TcpRelay Relay => _relay ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _relay = TcpRelay.Start("127.0.0.1", (await TestInfrastructure.PostgresAsync()).Port);
        var viaRelay = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Host = "127.0.0.1", Port = _relay.Port };
        _host = new ServiceHost<FamilyCareDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:familycaredb"] = viaRelay.ConnectionString,
            ["ConnectionStrings:messaging"] = (await TestInfrastructure.RabbitMqAsync()).ConnectionString,
            ["Messaging:ServiceName"] = "platform-familycare-" + Guid.NewGuid().ToString("N")[..8],
            ["Identity:Authority"] = identity.Authority,
            ["Logging:LogLevel:Default"] = "Warning",
        }, s => s.AddSingleton<ILoggerProvider>(_logs));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        if (_relay is not null)
        {
            await _relay.DisposeAsync();
        }
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ListFamilies_WhenTheDatabaseIsUnreachable_IsUnavailableWithoutDetailAndLoggedThenRecovers()
    {
        using var channel = await StaffChannelAsync();
        Assert.Equal(StatusCode.OK, (await RpcSweep.CallForStatusAsync(channel, ListFamilies, new ListFamiliesRequest())).StatusCode);

        Relay.Cut();
        var outage = await RpcSweep.CallForStatusAsync(channel, ListFamilies, new ListFamiliesRequest());
        Relay.Restore();

        Assert.True(outage.StatusCode == StatusCode.Unavailable, $"{outage.StatusCode}: {outage.Detail}");
        Assert.Contains("Reference", outage.Detail, StringComparison.Ordinal);
        foreach (var detail in new[] { "Npgsql", "Exception", "127.0.0.1", Relay.Port.ToString(CultureInfo.InvariantCulture), _database.Name })
        {
            Assert.DoesNotContain(detail, outage.Detail, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(_logs.Lines, l => l.Contains("Unavailable: ", StringComparison.Ordinal)
            && l.Contains("ListFamilies", StringComparison.Ordinal) && l.Contains("NpgsqlException", StringComparison.Ordinal));
        // Back by itself, no restart: Npgsql drops the dead pooled connections, and the command that failed mid-way (its
        // statement was being auto-prepared: the call before the cut was the first of two uses) is not reused on the next
        // connection (ServiceDefaults' StaleCommandGuard; before it, the next calls were INTERNAL). Calls after the restore may
        // still be UNAVAILABLE while connections are re-established, never INTERNAL.
        var afterwards = new List<StatusCode>();
        for (var i = 0; i < 10 && afterwards.LastOrDefault(StatusCode.Unknown) != StatusCode.OK; i++)
        {
            afterwards.Add((await RpcSweep.CallForStatusAsync(channel, ListFamilies, new ListFamiliesRequest())).StatusCode);
        }
        for (var i = 0; i < 5; i++)
        {
            afterwards.Add((await RpcSweep.CallForStatusAsync(channel, ListFamilies, new ListFamiliesRequest())).StatusCode);
        }
        output.WriteLine($"after the restore: {string.Join(", ", afterwards)}");
        Assert.All(afterwards, s => Assert.True(s is StatusCode.OK or StatusCode.Unavailable,
            $"after the restore: {string.Join(", ", afterwards)}; last logged: {_logs.Lines.LastOrDefault()}"));
        Assert.Contains(StatusCode.OK, afterwards);
        Assert.All(afterwards.SkipWhile(s => s != StatusCode.OK), s => Assert.Equal(StatusCode.OK, s));
    }

    [Fact]
    public async Task ListFamilies_WhenATableIsMissing_IsInternalNotUnavailable()
    {
        using var channel = await StaffChannelAsync();
        // Renamed before the first query, so no prepared plan still points at the old table.
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var rename = new NpgsqlCommand("ALTER TABLE families RENAME TO families_gone", connection);
            await rename.ExecuteNonQueryAsync();
        }

        var status = await RpcSweep.CallForStatusAsync(channel, ListFamilies, new ListFamiliesRequest());

        Assert.True(status.StatusCode == StatusCode.Internal, $"{status.StatusCode}: {status.Detail}");
        Assert.DoesNotContain("families_gone", status.Detail, StringComparison.Ordinal);
    }

    /// <summary>The service started (migrations applied through the relay) and a channel of a Hangzhou family-care worker.</summary>
    private async Task<Grpc.Net.Client.GrpcChannel> StaffChannelAsync()
    {
        var host = _host ?? throw new InvalidOperationException("Not initialised.");
        _ = host.Server;
        var token = await identity.TokenForAsync(Roles.FamilyCareStaff, "RC-330100", "330100", "city", Scopes.FamilyCare);
        return host.Channel(token);
    }
}
