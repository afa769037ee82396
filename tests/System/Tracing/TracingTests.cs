using System.Diagnostics;
using DonationRegistry.Common;
using DonationRegistry.Registration.V1;
using Grpc.Core;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace DonationRegistry.SystemTests.Tracing;

/// <summary>
/// Tracing across services: an HSC enrolment called with a W3C <c>traceparent</c> yields one trace holding Registration's server
/// span, the broker hop (the outbox relay's MassTransit send in Registration, the MassTransit receive/consume in Hsc) and Hsc's
/// handling — as the services export it over OTLP to the receiver the fixture runs.
/// </summary>
[Collection(SystemFixture.Collection)]
public sealed class TracingTests(SystemFixture system, ITestOutputHelper output)
{
    private const int ServerKind = 2;
    private const int ProducerKind = 4;
    private const int ConsumerKind = 5;

    [Fact]
    public async Task EnrollHscVolunteer_WithTraceParent_YieldsOneTraceAcrossRegistrationBrokerAndHsc()
    {
        var clerk = await system.TokenAsync("clerk", Scopes.Registration);
        var registrations = new Registrations.RegistrationsClient(system.Channel("registration", clerk));
        var point = await system.ClerkPointAsync();
        var traceId = ActivityTraceId.CreateRandom().ToHexString();

        var enrolment = await registrations.EnrollHscVolunteerAsync(new EnrollHscVolunteerRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            RegistrationPoint = point,
            Person = new Person
            {
                FullName = "追踪测试", IdType = IdType.ResidentId, IdNumber = IdNumbers.Next(DateOnly.FromDateTime(DateTime.UtcNow)),
                Phone = "13800138000", Address = "杭州市西湖区文三路 100 号",
            },
            Consents = new Consents { SensitiveData = true, TransferToProvincialCentre = true },
        }, new Metadata { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01" } });
        var volunteer = Guid.Parse(enrolment.VolunteerId);

        List<ReceivedSpan> trace = [];
        var complete = await Eventually.HoldsAsync(async () =>
        {
            trace = [.. system.Telemetry.Spans.Where(s => s.TraceId == traceId)];
            // Each service exports in its own batches: Hsc's spans can arrive before Registration's, so wait for all three kinds.
            return await DonorExistsAsync(volunteer) && trace.Any(s => s.Service == "hsc" && s.Kind == ConsumerKind)
                && trace.Any(s => s.Service == "registration" && s.Kind == ServerKind) && trace.Any(s => s.Service == "registration" && s.Kind == ProducerKind);
        }, TimeSpan.FromMinutes(2));
        foreach (var span in trace.OrderBy(s => s.Service, StringComparer.Ordinal))
        {
            output.WriteLine($"{span.Service,-14} kind {span.Kind} {span.Name} (span {span.SpanId}, parent {span.ParentSpanId})");
        }

        Assert.True(complete, $"Trace {traceId} incomplete ({trace.Count} spans); spans received in all: {system.Telemetry.Spans.Count}.");
        Assert.Contains(trace, s => s.Service == "registration" && s.Kind == ServerKind);
        Assert.Contains(trace, s => s.Service == "registration" && s.Kind == ProducerKind);
        Assert.Contains(trace, s => s.Service == "hsc" && s.Kind == ConsumerKind);
    }

    private async Task<bool> DonorExistsAsync(Guid volunteer)
    {
        await using var connection = new NpgsqlConnection(system.Database("hscdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM donors WHERE \"Id\" = @id", connection);
        command.Parameters.AddWithValue("id", volunteer);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }
}
