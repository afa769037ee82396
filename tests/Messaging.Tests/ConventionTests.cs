using DonationRegistry.Messaging.Tests.Consumers;
using DonationRegistry.Messaging.Tests.Infrastructure;
using DonationRegistry.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Xunit;

namespace DonationRegistry.Messaging.Tests;

/// <summary>Configuration conventions: broker address, queue-name prefix, readiness check.</summary>
public sealed class ConventionTests
{
    [Theory]
    [InlineData("amqp://user:pa%40ss@rabbit:5673/registry", "rabbit", 5673, "registry", "user", "pa@ss", false)]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/", "127.0.0.1", 5672, "/", "guest", "guest", false)]
    [InlineData("amqp://127.0.0.1", "127.0.0.1", 5672, "/", "guest", "guest", false)]
    [InlineData("amqps://svc:secret@broker.example/%2Fprod", "broker.example", 5671, "/prod", "svc", "secret", true)]
    public void Parse_WhenConnectionStringIsAmqpUri_ReadsEveryPart(string connectionString, string host, int port, string vhost,
        string user, string password, bool tls)
    {
        var address = BrokerAddress.Parse(connectionString);

        Assert.Equal(new BrokerAddress(host, (ushort)port, vhost, user, password, tls), address);
    }

    [Theory]
    [InlineData("http://rabbit:5672")]
    [InlineData("Host=rabbit;Port=5672")]
    public void Parse_WhenConnectionStringIsNotAmqp_ThrowsInvalidOperation(string connectionString) =>
        Assert.Throws<InvalidOperationException>(() => BrokerAddress.Parse(connectionString));

    [Theory]
    [InlineData("Registration", "registration")]
    [InlineData("OrganCoordination", "organ-coordination")]
    [InlineData("FamilyCare", "family-care")]
    [InlineData("family_care", "family-care")]
    [InlineData("HSC", "hsc")]
    [InlineData("HscApi", "hsc-api")]
    public void Kebab_WhenGivenServiceName_ReturnsKebabCase(string name, string expected) =>
        Assert.Equal(expected, EndpointNames.Kebab(name));

    [Fact]
    public async Task AddMessaging_WhenBusIsConnected_RegistersHealthyBrokerCheckTaggedReady()
    {
        var broker = await TestInfrastructure.RabbitMqAsync();
        await using var host = await MessagingTestHost.StartAsync(broker.ConnectionString, x => x.AddConsumer<RollbackConsumer>());

        var registrations = host.Host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        var bus = Assert.Single(registrations, r => r.Name == MessagingHealth.BusCheckName);
        Assert.Contains(MessagingHealth.ReadyTag, bus.Tags);
        var report = await host.Host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Entries[MessagingHealth.BusCheckName].Status);
    }

    [Theory]
    [InlineData(typeof(RollbackConsumer), "DonationRegistry.Messaging.Tests.Consumers.RollbackConsumer")]
    [InlineData(typeof(Inbox.InboxConsumer<Events.PledgeRedelivered, TestDb>),
        "DonationRegistry.Messaging.Inbox.InboxConsumer<DonationRegistry.Messaging.Tests.Events.PledgeRedelivered,DonationRegistry.Messaging.Tests.Infrastructure.TestDb>")]
    public void NameOf_WhenGivenConsumerType_ReturnsStableNameWithoutAssemblyVersions(Type type, string expected) =>
        Assert.Equal(expected, Inbox.InboxConsumer<Events.PledgeRedelivered, TestDb>.NameOf(type));
}
