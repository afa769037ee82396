extern alias registration;

using DonationRegistry.Common;
using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Identity;
using DonationRegistry.TestSupport.Security;
using Xunit;
using RegistrationDbContext = registration::DonationRegistry.Registration.Infrastructure.RegistrationDbContext;

namespace DonationRegistry.Registration.Tests;

/// <summary>
/// Issue #9: no log line, event or response shows a plaintext ID number (<see cref="IdNumberScan"/>). A second instance of the
/// service on the fixture's database, logging at its configured levels into the scan, takes a
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
        await using var scanned = new ScannedService<RegistrationDbContext>("registrationdb", fixture.Identity.Authority, Events,
            fixture.ConnectionString);
        await scanned.StartAsync();
        var (scan, host, tap) = (scanned.Scan, scanned.Host, scanned.Tap);
        var point = await fixture.CreateActivePointAsync();
        var clerk = new Registrations.RegistrationsClient(host.Channel(point.ClerkToken));
        var officer = new Registrations.RegistrationsClient(host.Channel(await fixture.OfficerTokenAsync()));
        var registry = new Registry.RegistryClient(host.Channel(await fixture.Identity.ClientTokenAsync("organcoordination",
            IdentityServer.ClientSecrets["organcoordination"], [Scopes.Registration])));
        string NewId(DateOnly? birthDate = null) => scan.Use(TestPeople.NewIdNumber(birthDate));

        var person = NewId();
        var draft = scan.Response(await clerk.CreateRegistrationAsync(TestPeople.NewOrganRegistration(point.Name, TestPeople.NewPerson(person))));
        var witnessing = TestPeople.NewWitnessing();
        foreach (var witness in witnessing.Witnesses)
        {
            scan.Use(witness.IdNumber);
        }
        var pending = scan.Response(await clerk.RecordWitnessingAsync(new RecordWitnessingRequest { Name = draft.Name, Witnessing = witnessing, Etag = draft.Etag }));
        var forwarded = scan.Response(await clerk.ForwardRegistrationAsync(new ForwardRegistrationRequest { Name = pending.Name, Etag = pending.Etag }));
        var registered = scan.Response(await officer.ConfirmRegistrationAsync(new ConfirmRegistrationRequest { Name = forwarded.Name, Etag = forwarded.Etag }));
        scan.Response(await officer.GetRegistrationAsync(new GetRegistrationRequest { Name = registered.Name, Purpose = Purpose }));
        scan.Response(await officer.SearchRegistrationsAsync(new SearchRegistrationsRequest
        {
            Purpose = Purpose, IdType = IdType.ResidentId, IdNumber = person,
        }));
        scan.Response(await registry.CheckRegistryAsync(new CheckRegistryRequest
        {
            IdType = IdType.ResidentId, IdNumber = person, Programme = Programme.Organ, Purpose = Purpose,
        }));
        var hsc = scan.Response(await clerk.EnrollHscVolunteerAsync(new EnrollHscVolunteerRequest
        {
            RequestId = Guid.NewGuid().ToString(), RegistrationPoint = point.Name,
            Person = TestPeople.NewPerson(NewId(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-25)), "司马青"), // HSC: 18-45
            Consents = new Consents { SensitiveData = true, TransferToProvincialCentre = true },
        }));
        // Refusals: the same person again, and a number with a wrong check character.
        await scan.RefusalAsync(() => clerk.CreateRegistrationAsync(
            TestPeople.NewOrganRegistration(point.Name, TestPeople.NewPerson(person))).ResponseAsync);
        var wrongCheck = scan.Use(TestIdNumbers.WithWrongCheckCharacter(TestPeople.NewIdNumber()));
        await scan.RefusalAsync(() => clerk.CreateRegistrationAsync(
            TestPeople.NewOrganRegistration(point.Name, TestPeople.NewPerson(wrongCheck))).ResponseAsync);
        var id = registered.Name["registrations/".Length..];
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(
            tap.Received("VolunteerRegistered").Any(b => b.Contains(id, StringComparison.Ordinal))
            && tap.Received("HscVolunteerEnrolled").Any(b => b.Contains(hsc.VolunteerId, StringComparison.Ordinal)))),
            "The events did not arrive on the broker.");

        scanned.AssertNoLeaks();
    }
}
