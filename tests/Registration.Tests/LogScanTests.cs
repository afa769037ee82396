extern alias registration;

using System.Security.Cryptography;
using DonationRegistry.Common;
using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Identity;
using DonationRegistry.TestSupport.Security;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using RegistrationDbContext = registration::DonationRegistry.Registration.Infrastructure.RegistrationDbContext;

namespace DonationRegistry.Registration.Tests;

/// <summary>
/// Issue #9: no log line, event or response shows a plaintext ID number (<see cref="IdNumberLeaks"/>). A second instance of the
/// service on the fixture's database, logging at its configured levels into memory (<see cref="LogCapture"/>), takes a
/// representative set of writes and reads with fresh ID numbers — registrations, witnesses, search and registry check by ID
/// number, an HSC enrolment, a duplicate and a bad check digit — while a tap on the broker collects every published event.
/// </summary>
[Collection(RegistrationFixture.Collection)]
public sealed class LogScanTests(RegistrationFixture fixture)
{
    private const string Purpose = "log scan";
    private static readonly string[] Events =
        ["VolunteerRegistered", "RegistrationAmended", "RegistrationRevoked", "ObjectionRecorded", "HscVolunteerEnrolled"];

    [Fact]
    public async Task WritesAndReads_WithIdNumbers_LeaveNoPlaintextIdNumberInLogsEventsOrResponses()
    {
        var capture = new LogCapture();
        await using var host = new ServiceHost<RegistrationDbContext>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:registrationdb"] = fixture.ConnectionString,
            ["ConnectionStrings:messaging"] = fixture.BrokerConnectionString,
            ["Messaging:ServiceName"] = fixture.MessagingServiceName + "-logscan",
            ["Messaging:OutboxPollInterval"] = "00:00:00.200",
            ["Identity:Authority"] = fixture.Identity.Authority,
            ["PersonalData:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["PersonalData:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }, s => s.AddSingleton<ILoggerProvider>(capture));
        await using var tap = await BrokerTap.StartAsync(fixture.BrokerConnectionString, Events);
        var point = await fixture.CreateActivePointAsync();
        var clerk = new Registrations.RegistrationsClient(host.Channel(point.ClerkToken));
        var officer = new Registrations.RegistrationsClient(host.Channel(await fixture.OfficerTokenAsync()));
        var registry = new Registry.RegistryClient(host.Channel(await fixture.Identity.ClientTokenAsync("organcoordination",
            IdentityServer.ClientSecrets["organcoordination"], [Scopes.Registration])));
        var idNumbers = new List<string>();
        var responses = new List<string>();
        string NewId(DateOnly? birthDate = null)
        {
            var id = TestPeople.NewIdNumber(birthDate);
            idNumbers.Add(id);
            return id;
        }

        var person = NewId();
        var draft = await clerk.CreateRegistrationAsync(TestPeople.NewOrganRegistration(point.Name, TestPeople.NewPerson(person)));
        var witnessing = TestPeople.NewWitnessing();
        idNumbers.AddRange(witnessing.Witnesses.Select(w => w.IdNumber));
        var pending = await clerk.RecordWitnessingAsync(new RecordWitnessingRequest { Name = draft.Name, Witnessing = witnessing, Etag = draft.Etag });
        var forwarded = await clerk.ForwardRegistrationAsync(new ForwardRegistrationRequest { Name = pending.Name, Etag = pending.Etag });
        var registered = await officer.ConfirmRegistrationAsync(new ConfirmRegistrationRequest { Name = forwarded.Name, Etag = forwarded.Etag });
        responses.AddRange([draft.ToString(), pending.ToString(), forwarded.ToString(), registered.ToString()]);
        responses.Add((await officer.GetRegistrationAsync(new GetRegistrationRequest { Name = registered.Name, Purpose = Purpose })).ToString());
        responses.Add((await officer.SearchRegistrationsAsync(new SearchRegistrationsRequest
        {
            Purpose = Purpose, IdType = IdType.ResidentId, IdNumber = person,
        })).ToString());
        responses.Add((await registry.CheckRegistryAsync(new CheckRegistryRequest
        {
            IdType = IdType.ResidentId, IdNumber = person, Programme = Programme.Organ, Purpose = Purpose,
        })).ToString());
        var hsc = await clerk.EnrollHscVolunteerAsync(new EnrollHscVolunteerRequest
        {
            RequestId = Guid.NewGuid().ToString(), RegistrationPoint = point.Name,
            Person = TestPeople.NewPerson(NewId(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-25)), "司马青"), // HSC: 18-45
            Consents = new Consents { SensitiveData = true, TransferToProvincialCentre = true },
        });
        responses.Add(hsc.ToString());
        // Refusals: the same person again, and a number with a wrong check character.
        responses.Add(await RefusalAsync(() => clerk.CreateRegistrationAsync(
            TestPeople.NewOrganRegistration(point.Name, TestPeople.NewPerson(person))).ResponseAsync));
        var wrongCheck = NewId()[..17] + "0";
        idNumbers.Add(wrongCheck);
        responses.Add(await RefusalAsync(() => clerk.CreateRegistrationAsync(
            TestPeople.NewOrganRegistration(point.Name, TestPeople.NewPerson(wrongCheck))).ResponseAsync));
        var id = registered.Name["registrations/".Length..];
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(
            tap.Received("VolunteerRegistered").Any(b => b.Contains(id, StringComparison.Ordinal))
            && tap.Received("HscVolunteerEnrolled").Any(b => b.Contains(hsc.VolunteerId, StringComparison.Ordinal)))),
            "The events did not arrive on the broker.");

        var events = Events.SelectMany(tap.Received).ToList();
        Assert.NotEmpty(capture.Lines);
        var leaks = IdNumberLeaks.Find([.. capture.Lines.Select(l => "log: " + l), .. events.Select(e => "event: " + e), .. responses.Select(r => "response: " + r)],
            idNumbers);
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    private static async Task<string> RefusalAsync(Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        return $"{ex.StatusCode} {ex.Status.Detail} {string.Join(" ", ex.Trailers.Where(t => !t.IsBinary).Select(t => t.Value))}";
    }
}
