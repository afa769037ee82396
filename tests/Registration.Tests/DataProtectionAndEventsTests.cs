extern alias registration;

using System.Text.Json;
using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Xunit;
using AuditEntry = DonationRegistry.Common.Auditing.AuditEntry;

namespace DonationRegistry.Registration.Tests;

/// <summary>Integration events on the real broker without personal data; no plaintext ID number in the database; audited reads.</summary>
[Collection(RegistrationFixture.Collection)]
public sealed class DataProtectionAndEventsTests(RegistrationFixture fixture)
{
    private readonly RegistrationSteps _steps = new(fixture);

    [Fact]
    public async Task Events_WhenRegistrationGoesThroughItsLife_ArriveOnBrokerWithoutNameOrIdNumber()
    {
        await using var tap = await BrokerTap.StartAsync(fixture.BrokerConnectionString,
            "VolunteerRegistered", "RegistrationAmended", "RegistrationRevoked", "ObjectionRecorded", "HscVolunteerEnrolled");
        var point = await fixture.CreateActivePointAsync();
        var idNumber = TestPeople.NewIdNumber();
        var person = TestPeople.NewPerson(idNumber, "欧阳明月");
        var registered = await _steps.RegisteredAsync(point, TestPeople.NewOrganRegistration(point.Name, person));
        var clerk = _steps.Clerk(point);
        var amended = await clerk.AmendRegistrationAsync(new AmendRegistrationRequest
        {
            Name = registered.Name, Registration = new V1.Registration { Scope = { DonationScope.Heart } },
            UpdateMask = new FieldMask { Paths = { "scope" } }, Etag = registered.Etag,
        });
        var objected = await clerk.RecordObjectionAsync(new RecordObjectionRequest { Name = registered.Name, DocumentReference = "OBJ-1", Etag = amended.Etag });
        await clerk.RevokeRegistrationAsync(new RevokeRegistrationRequest { Name = registered.Name, Reason = "withdrawn objection", Etag = objected.Etag });
        var hscId = TestPeople.NewIdNumber(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-25));
        var hsc = await clerk.EnrollHscVolunteerAsync(new EnrollHscVolunteerRequest
        {
            RequestId = Guid.NewGuid().ToString(), RegistrationPoint = point.Name, Person = TestPeople.NewPerson(hscId, "司马青"),
            Consents = new Consents { SensitiveData = true, TransferToProvincialCentre = true },
        });
        var id = registered.Name["registrations/".Length..];

        string[] types = ["VolunteerRegistered", "RegistrationAmended", "ObjectionRecorded", "RegistrationRevoked"];
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(
            types.All(t => tap.Received(t).Any(b => b.Contains(id, StringComparison.Ordinal)))
            && tap.Received("HscVolunteerEnrolled").Any(b => b.Contains(hsc.VolunteerId, StringComparison.Ordinal)))),
            "Not every event arrived on the broker.");

        var registeredEvent = Message(tap.Received("VolunteerRegistered").First(b => b.Contains(id, StringComparison.Ordinal)));
        Assert.Equal(registered.RegistrationNumber, registeredEvent.GetProperty("registrationNumber").GetString());
        Assert.Equal("Organ", registeredEvent.GetProperty("programme").GetString());
        var hscEvent = Message(tap.Received("HscVolunteerEnrolled").First(b => b.Contains(hsc.VolunteerId, StringComparison.Ordinal)));
        Assert.Equal(int.Parse(hscId[6..10], System.Globalization.CultureInfo.InvariantCulture), hscEvent.GetProperty("birthYear").GetInt32());

        var everything = types.Append("HscVolunteerEnrolled").SelectMany(tap.Received).ToList();
        var strings = everything.SelectMany(b => Strings(JsonDocument.Parse(b).RootElement)).ToList();
        foreach (var secret in new[] { idNumber, idNumber[..6] + "**", hscId, "欧阳明月", "欧阳", "司马青", person.Phone })
        {
            Assert.DoesNotContain(strings, s => s.Contains(secret, StringComparison.Ordinal));
        }
        Assert.All(everything.Select(Message), m => Assert.DoesNotContain(m.EnumerateObject().Select(p => p.Name),
            n => n.Contains("name", StringComparison.OrdinalIgnoreCase) && n != "registrationNumber"
                 || n.Contains("idNumber", StringComparison.OrdinalIgnoreCase) || n.Contains("phone", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Database_WhenRegistrationsStored_ContainsNoPlaintextIdNumber()
    {
        var point = await fixture.CreateActivePointAsync();
        var idNumber = TestPeople.NewIdNumber();
        var witnessing = TestPeople.NewWitnessing(1);
        var witnessId = witnessing.Witnesses[0].IdNumber;
        var draft = await _steps.DraftAsync(point, TestPeople.NewOrganRegistration(point.Name, TestPeople.NewPerson(idNumber)));
        await _steps.Clerk(point).RecordWitnessingAsync(new RecordWitnessingRequest { Name = draft.Name, Witnessing = witnessing, Etag = draft.Etag });

        foreach (var secret in new[] { idNumber, witnessId })
        {
            var hits = await fixture.WithDbAsync(async db => (await db.Database.SqlQuery<long>($"""
                SELECT (SELECT count(*) FROM registrations r WHERE r::text LIKE '%' || {secret} || '%')
                     + (SELECT count(*) FROM registration_witnesses w WHERE w::text LIKE '%' || {secret} || '%')
                     + (SELECT count(*) FROM registration_versions v WHERE v::text LIKE '%' || {secret} || '%')
                     + (SELECT count(*) FROM audit_log a WHERE a::text LIKE '%' || {secret} || '%')
                     + (SELECT count(*) FROM outbox_messages o WHERE o::text LIKE '%' || {secret} || '%') AS "Value"
                """).ToListAsync()).Single());
            Assert.Equal(0, hits);
        }
        // The row is there, with the masked form only.
        var masked = await fixture.WithDbAsync(async db => (await db.Database.SqlQuery<string>(
            $"SELECT id_number_masked AS \"Value\" FROM registrations WHERE \"Id\" = {Guid.Parse(draft.Name["registrations/".Length..])}").ToListAsync()).Single());
        Assert.Equal(idNumber[..4] + new string('*', 10) + idNumber[^4..], masked);
    }

    [Fact]
    public async Task GetRegistration_WhenRead_WritesAuditRowWithPurpose()
    {
        var point = await fixture.CreateActivePointAsync();
        var draft = await _steps.DraftAsync(point);
        var id = Guid.Parse(draft.Name["registrations/".Length..]);

        await _steps.Clerk(point).GetRegistrationAsync(new GetRegistrationRequest { Name = draft.Name, Purpose = "家属来电核实" });

        var reads = await fixture.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.SubjectId == id
            && a.Action == DonationRegistry.Common.Auditing.AuditAction.Read).ToListAsync());
        var read = Assert.Single(reads);
        Assert.Equal("GetRegistration", read.Operation);
        Assert.Equal("家属来电核实", read.Purpose);
        Assert.Equal(point.Clerk.Id.ToString(), read.ActorUserId);
    }

    [Fact]
    public async Task SearchRegistrations_WhenResultsReturned_AuditsEveryPersonReturned()
    {
        var point = await fixture.CreateActivePointAsync();
        var a = await _steps.DraftAsync(point);
        var b = await _steps.DraftAsync(point);
        var before = await fixture.CountAsync<AuditEntry>();

        var found = await _steps.Clerk(point).SearchRegistrationsAsync(new SearchRegistrationsRequest
        {
            Purpose = "月度核对", RegistrationPoint = point.Name,
        });

        Assert.Equal(2, found.Registrations.Count);
        Assert.Equal(before + 2, await fixture.CountAsync<AuditEntry>());
        Assert.Contains(a.Name, found.Registrations.Select(r => r.Name));
        Assert.Contains(b.Name, found.Registrations.Select(r => r.Name));
    }

    private static JsonElement Message(string envelope) => JsonDocument.Parse(envelope).RootElement.GetProperty("message");

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
