extern alias registration;

using DonationRegistry.Contracts;
using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Model = registration::DonationRegistry.Registration.Domain.Registrations;

namespace DonationRegistry.Registration.Tests;

/// <summary>Every transition of a volunteer registration through the API, and the illegal ones.</summary>
[Collection(RegistrationFixture.Collection)]
public sealed class RegistrationLifecycleTests(RegistrationFixture fixture)
{
    private readonly RegistrationSteps _steps = new(fixture);

    [Fact]
    public async Task CreateRegistration_WhenAtPoint_IsDraftWithMaskedIdNumberAndDerivedBirthDate()
    {
        var point = await fixture.CreateActivePointAsync();
        var idNumber = TestPeople.NewIdNumber(new DateOnly(1985, 3, 12), Sex.Female);

        var draft = await _steps.DraftAsync(point, TestPeople.NewOrganRegistration(point.Name, TestPeople.NewPerson(idNumber)));

        Assert.Equal(RegistrationStatus.Draft, draft.Status);
        Assert.Equal(1, draft.Version);
        Assert.Equal(point.Name, draft.RegistrationPoint);
        Assert.Equal("330106", draft.RegionCode);
        Assert.Equal("1985-03-12", draft.Person.BirthDate);
        Assert.Equal(Sex.Female, draft.Person.Sex);
        Assert.NotEqual(idNumber, draft.Person.IdNumber);
        Assert.Equal(idNumber[..4] + new string('*', 10) + idNumber[^4..], draft.Person.IdNumber);
        Assert.Empty(draft.RegistrationNumber);
        Assert.Equal(["Created"], draft.Timeline.Select(t => t.Action));
    }

    [Fact]
    public async Task RegistrationLifecycle_WhenWitnessedForwardedConfirmed_IsRegisteredWithNumberAndVerifiableCertificate()
    {
        var point = await fixture.CreateActivePointAsync();
        var clerk = _steps.Clerk(point);
        var draft = await _steps.DraftAsync(point, TestPeople.NewBodyRegistration(point.Name));

        var pending = await clerk.RecordWitnessingAsync(new RecordWitnessingRequest
        {
            Name = draft.Name, Witnessing = TestPeople.NewWitnessing(2), Etag = draft.Etag,
        });
        Assert.Equal(RegistrationStatus.PendingWitness, pending.Status);
        Assert.Equal(2, pending.Witnessing.Witnesses.Count);
        Assert.All(pending.Witnessing.Witnesses, w => Assert.Contains("*", w.IdNumber, StringComparison.Ordinal));
        Assert.True(pending.Witnessing.FamilyInformed);

        var forwarded = await clerk.ForwardRegistrationAsync(new ForwardRegistrationRequest { Name = draft.Name, Etag = pending.Etag });
        Assert.Equal(RegistrationStatus.Forwarded, forwarded.Status);

        var registered = await (await _steps.OfficerAsync(point)).ConfirmRegistrationAsync(new ConfirmRegistrationRequest
        {
            Name = draft.Name, Etag = forwarded.Etag,
        });
        Assert.Equal(RegistrationStatus.Registered, registered.Status);
        Assert.Matches(@"^ZJ-330106-\d{4}-\d{6}-[0-9X]$", registered.RegistrationNumber);
        Assert.Equal(registered.RegistrationNumber, registered.Certificate.RegistrationNumber);
        Assert.Equal(8, registered.Certificate.VerificationCode.Length);
        Assert.Equal(["Created", "Witnessed", "Forwarded", "Registered"], registered.Timeline.Select(t => t.Action));

        var anonymous = fixture.Client<Registrations.RegistrationsClient>(null);
        var check = await anonymous.VerifyCertificateAsync(new VerifyCertificateRequest
        {
            RegistrationNumber = registered.RegistrationNumber, VerificationCode = registered.Certificate.VerificationCode,
        });
        Assert.True(check.Valid);
        Assert.Equal("张*", check.MaskedName);
        Assert.Equal([DonationScope.Body, DonationScope.Cornea], check.Scope);

        var wrong = await anonymous.VerifyCertificateAsync(new VerifyCertificateRequest
        {
            RegistrationNumber = registered.RegistrationNumber, VerificationCode = "AAAAAAAA",
        });
        Assert.False(wrong.Valid);
        Assert.Empty(wrong.MaskedName);
        Assert.Empty(wrong.Scope);
    }

    [Fact]
    public async Task CreateRegistration_WhenOnline_IsRegisteredAtOnceWithNumber()
    {
        var officer = fixture.Client<Registrations.RegistrationsClient>(await fixture.OfficerTokenAsync("330100"));
        var request = TestPeople.NewOrganRegistration("");
        request.Registration.Channel = Channel.Online;

        var registration = await officer.CreateRegistrationAsync(request);

        Assert.Equal(RegistrationStatus.Registered, registration.Status);
        Assert.Equal(Channel.Online, registration.Channel);
        Assert.Empty(registration.RegistrationPoint);
        Assert.Equal("330106", registration.RegionCode);
        Assert.NotEmpty(registration.Certificate.VerificationCode);
    }

    [Fact]
    public async Task CreateRegistration_WhenSameRequestIdTwice_ReturnsTheFirstRegistration()
    {
        var point = await fixture.CreateActivePointAsync();
        var request = TestPeople.NewOrganRegistration(point.Name);

        var first = await _steps.Clerk(point).CreateRegistrationAsync(request);
        var second = await _steps.Clerk(point).CreateRegistrationAsync(request);

        Assert.Equal(first.Name, second.Name);
    }

    [Fact]
    public async Task CreateRegistration_WhenRepeatedAfterPointClosed_ReturnsTheFirstRegistration()
    {
        var point = await fixture.CreateActivePointAsync();
        var request = TestPeople.NewOrganRegistration(point.Name);
        var first = await _steps.Clerk(point).CreateRegistrationAsync(request);
        var officer = fixture.Client<RegistrationPoints.RegistrationPointsClient>(await fixture.ProvincialOfficerTokenAsync());
        var current = await officer.GetRegistrationPointAsync(new GetRegistrationPointRequest { Name = point.Name });
        await officer.TransitionRegistrationPointAsync(new TransitionRegistrationPointRequest
        {
            Name = point.Name, Trigger = PointTrigger.Close, Reason = "moved", Etag = current.Etag,
        });

        var again = await _steps.Clerk(point).CreateRegistrationAsync(request);

        Assert.Equal(first.Name, again.Name);
        await RpcAssert.InvalidAsync("registration.registration_point",
            () => _steps.Clerk(point).CreateRegistrationAsync(TestPeople.NewOrganRegistration(point.Name)).ResponseAsync);
    }

    [Fact]
    public async Task CreateRegistration_WhenPersonHasLiveRegistrationAtAnotherPoint_ReturnsAlreadyExistsWithoutRevealingIt()
    {
        var hangzhou = await fixture.CreateActivePointAsync("330106");
        var ningbo = await fixture.CreateActivePointAsync("330203");
        var person = TestPeople.NewPerson();
        var existing = await _steps.RegisteredAsync(hangzhou, TestPeople.NewOrganRegistration(hangzhou.Name, person));
        var before = await fixture.CountAsync<Model.VolunteerRegistration>();

        var ex = await RpcAssert.FailsAsync(StatusCode.AlreadyExists,
            () => _steps.Clerk(ningbo).CreateRegistrationAsync(TestPeople.NewOrganRegistration(ningbo.Name, person)).ResponseAsync);

        Assert.DoesNotContain(existing.Name, ex.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(existing.RegistrationNumber, ex.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(hangzhou.Code, ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.CountAsync<Model.VolunteerRegistration>());
    }

    [Fact]
    public async Task CreateRegistration_WhenDuplicateAtOwnPoint_ReturnsAlreadyExistsNamingTheRegistration()
    {
        var point = await fixture.CreateActivePointAsync();
        var person = TestPeople.NewPerson();
        var existing = await _steps.DraftAsync(point, TestPeople.NewOrganRegistration(point.Name, person));

        var ex = await RpcAssert.FailsAsync(StatusCode.AlreadyExists,
            () => _steps.Clerk(point).CreateRegistrationAsync(TestPeople.NewOrganRegistration(point.Name, person)).ResponseAsync);

        Assert.Contains(existing.Name, ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRegistration_WhenSamePersonOtherProgramme_IsAllowed()
    {
        var point = await fixture.CreateActivePointAsync();
        var person = TestPeople.NewPerson();
        await _steps.DraftAsync(point, TestPeople.NewOrganRegistration(point.Name, person));

        var body = await _steps.DraftAsync(point, TestPeople.NewBodyRegistration(point.Name, person));

        Assert.Equal(RegistrationStatus.Draft, body.Status);
    }

    [Fact]
    public async Task CreateRegistration_WhenEarlierRegistrationRevoked_IsAllowedAgain()
    {
        var point = await fixture.CreateActivePointAsync();
        var person = TestPeople.NewPerson();
        var first = await _steps.DraftAsync(point, TestPeople.NewOrganRegistration(point.Name, person));
        await _steps.Clerk(point).RevokeRegistrationAsync(new RevokeRegistrationRequest { Name = first.Name, Reason = "mistake", Etag = first.Etag });

        var second = await _steps.DraftAsync(point, TestPeople.NewOrganRegistration(point.Name, person));

        Assert.NotEqual(first.Name, second.Name);
    }

    [Fact]
    public async Task CreateRegistration_WhenTwoConcurrentForSamePerson_OneSucceedsOtherAlreadyExists()
    {
        var point = await fixture.CreateActivePointAsync();
        var person = TestPeople.NewPerson();
        var clerk = _steps.Clerk(point);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                await clerk.CreateRegistrationAsync(TestPeople.NewOrganRegistration(point.Name, person));
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }));

        Assert.Equal(1, results.Count(r => r == StatusCode.OK));
        Assert.All(results.Where(r => r != StatusCode.OK), r => Assert.Equal(StatusCode.AlreadyExists, r));
    }

    [Fact]
    public async Task AmendRegistration_WhenRegistered_CreatesNewVersionAndKeepsTheOld()
    {
        var point = await fixture.CreateActivePointAsync();
        var registered = await _steps.RegisteredAsync(point);
        var change = new V1.Registration { Person = new Person { Phone = "13700137000" } };
        change.Scope.Add(DonationScope.AllOrgans);

        var amended = await _steps.Clerk(point).AmendRegistrationAsync(new AmendRegistrationRequest
        {
            Name = registered.Name, Registration = change, UpdateMask = new FieldMask { Paths = { "scope", "person.phone" } },
            Reason = "wants to give all", Etag = registered.Etag,
        });

        Assert.Equal(RegistrationStatus.Registered, amended.Status);
        Assert.Equal(2, amended.Version);
        Assert.Equal([DonationScope.AllOrgans], amended.Scope);
        Assert.Equal("13700137000", amended.Person.Phone);
        Assert.Equal(registered.Person.Address, amended.Person.Address);
        var versions = await _steps.Clerk(point).ListRegistrationVersionsAsync(new ListRegistrationVersionsRequest
        {
            Name = registered.Name, Purpose = RegistrationSteps.Purpose,
        });
        Assert.Equal([1, 2], versions.Versions.Select(v => v.Version));
        Assert.Equal([DonationScope.Liver, DonationScope.Kidney], versions.Versions[0].Registration.Scope);
        Assert.Equal("13800138000", versions.Versions[0].Registration.Person.Phone);
        Assert.Equal("wants to give all", versions.Versions[1].Reason);
    }

    [Fact]
    public async Task AmendRegistration_WhenTwoAmendmentsWithSameEtag_OneSucceedsOtherAborted()
    {
        var point = await fixture.CreateActivePointAsync();
        var registered = await _steps.RegisteredAsync(point);
        var clerk = _steps.Clerk(point);
        var officer = await _steps.OfficerAsync(point);

        Task<StatusCode> AmendAsync(Registrations.RegistrationsClient client, string phone) => Outcome(() =>
            client.AmendRegistrationAsync(new AmendRegistrationRequest
            {
                Name = registered.Name,
                Registration = new V1.Registration { Person = new Person { Phone = phone } },
                UpdateMask = new FieldMask { Paths = { "person.phone" } },
                Etag = registered.Etag,
            }).ResponseAsync);

        var results = await Task.WhenAll(AmendAsync(clerk, "13700000001"), AmendAsync(officer, "13700000002"));

        Assert.Equal(1, results.Count(r => r == StatusCode.OK));
        Assert.Equal(1, results.Count(r => r == StatusCode.Aborted));
        var read = await clerk.GetRegistrationAsync(new GetRegistrationRequest { Name = registered.Name, Purpose = RegistrationSteps.Purpose });
        Assert.Equal(2, read.Version);
    }

    [Fact]
    public async Task AmendRegistration_WhenEtagStale_ReturnsAbortedAndKeepsVersion()
    {
        var point = await fixture.CreateActivePointAsync();
        var registered = await _steps.RegisteredAsync(point);
        var request = new AmendRegistrationRequest
        {
            Name = registered.Name,
            Registration = new V1.Registration { Person = new Person { Address = "新地址" } },
            UpdateMask = new FieldMask { Paths = { "person.address" } },
            Etag = registered.Etag,
        };
        await _steps.Clerk(point).AmendRegistrationAsync(request);

        await RpcAssert.FailsAsync(StatusCode.Aborted, () => _steps.Clerk(point).AmendRegistrationAsync(request).ResponseAsync);
    }

    [Theory]
    [InlineData(RegistrationStatus.Draft)]
    [InlineData(RegistrationStatus.PendingWitness)]
    [InlineData(RegistrationStatus.Forwarded)]
    [InlineData(RegistrationStatus.Registered)]
    [InlineData(RegistrationStatus.ObjectionRecorded)]
    public async Task RevokeRegistration_WhenLive_IsRevoked(RegistrationStatus state)
    {
        var point = await fixture.CreateActivePointAsync();
        var registration = await _steps.InStateAsync(point, state);

        var revoked = await _steps.Clerk(point).RevokeRegistrationAsync(new RevokeRegistrationRequest
        {
            Name = registration.Name, Reason = "withdrawn", Etag = registration.Etag,
        });

        Assert.Equal(RegistrationStatus.Revoked, revoked.Status);
        Assert.Equal("withdrawn", revoked.Timeline[^1].Reason);
    }

    [Theory]
    [InlineData(RegistrationStatus.Draft)]
    [InlineData(RegistrationStatus.PendingWitness)]
    [InlineData(RegistrationStatus.Forwarded)]
    [InlineData(RegistrationStatus.Registered)]
    [InlineData(RegistrationStatus.Revoked)]
    public async Task RecordObjection_WhenNotObjecting_IsObjectionRecorded(RegistrationStatus state)
    {
        var point = await fixture.CreateActivePointAsync();
        var registration = await _steps.InStateAsync(point, state);

        var objected = await _steps.Clerk(point).RecordObjectionAsync(new RecordObjectionRequest
        {
            Name = registration.Name, DocumentReference = "OBJ-2026-1", Reason = "religious", Etag = registration.Etag,
        });

        Assert.Equal(RegistrationStatus.ObjectionRecorded, objected.Status);
        Assert.Equal("ObjectionRecorded", objected.Timeline[^1].Action);
    }

    public static TheoryData<RegistrationStatus, string> IllegalCases() => new()
    {
        { RegistrationStatus.Draft, "Forward" },
        { RegistrationStatus.Draft, "Confirm" },
        { RegistrationStatus.Draft, "Amend" },
        { RegistrationStatus.PendingWitness, "RecordWitnessing" },
        { RegistrationStatus.PendingWitness, "Confirm" },
        { RegistrationStatus.PendingWitness, "Amend" },
        { RegistrationStatus.Forwarded, "RecordWitnessing" },
        { RegistrationStatus.Forwarded, "Forward" },
        { RegistrationStatus.Forwarded, "Amend" },
        { RegistrationStatus.Registered, "RecordWitnessing" },
        { RegistrationStatus.Registered, "Forward" },
        { RegistrationStatus.Registered, "Confirm" },
        { RegistrationStatus.Revoked, "Revoke" },
        { RegistrationStatus.Revoked, "Amend" },
        { RegistrationStatus.Revoked, "Confirm" },
        { RegistrationStatus.Revoked, "Forward" },
        { RegistrationStatus.ObjectionRecorded, "RecordObjection" },
        { RegistrationStatus.ObjectionRecorded, "Amend" },
        { RegistrationStatus.ObjectionRecorded, "RecordWitnessing" },
    };

    [Theory]
    [MemberData(nameof(IllegalCases))]
    public async Task Transition_WhenNotAllowedInState_ReturnsFailedPreconditionNamingState(RegistrationStatus state, string action)
    {
        var point = await fixture.CreateActivePointAsync();
        var registration = await _steps.InStateAsync(point, state);
        var clerk = _steps.Clerk(point);
        var officer = await _steps.OfficerAsync(point);
        var before = await fixture.CountAsync<DonationRegistry.Common.Auditing.AuditEntry>();

        Func<Task> call = action switch
        {
            "RecordWitnessing" => () => clerk.RecordWitnessingAsync(new RecordWitnessingRequest
            {
                Name = registration.Name, Witnessing = TestPeople.NewWitnessing(1), Etag = registration.Etag,
            }).ResponseAsync,
            "Forward" => () => clerk.ForwardRegistrationAsync(new ForwardRegistrationRequest { Name = registration.Name, Etag = registration.Etag }).ResponseAsync,
            "Confirm" => () => officer.ConfirmRegistrationAsync(new ConfirmRegistrationRequest { Name = registration.Name, Etag = registration.Etag }).ResponseAsync,
            "Amend" => () => clerk.AmendRegistrationAsync(new AmendRegistrationRequest
            {
                Name = registration.Name,
                Registration = new V1.Registration { Person = new Person { Phone = "13700137000" } },
                UpdateMask = new FieldMask { Paths = { "person.phone" } },
                Etag = registration.Etag,
            }).ResponseAsync,
            "Revoke" => () => clerk.RevokeRegistrationAsync(new RevokeRegistrationRequest { Name = registration.Name, Reason = "x", Etag = registration.Etag }).ResponseAsync,
            "RecordObjection" => () => clerk.RecordObjectionAsync(new RecordObjectionRequest
            {
                Name = registration.Name, DocumentReference = "D", Etag = registration.Etag,
            }).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        await RpcAssert.IllegalAsync(state switch
        {
            RegistrationStatus.PendingWitness => "PendingWitness",
            RegistrationStatus.ObjectionRecorded => "ObjectionRecorded",
            _ => state.ToString(),
        }, call);
        Assert.Equal(before, await fixture.CountAsync<DonationRegistry.Common.Auditing.AuditEntry>());
    }

    [Fact]
    public async Task RegistrantDeceasedThenOutcome_WhenEventsArriveOnBroker_RegisteredBecomesDeceasedThenRealised()
    {
        var point = await fixture.CreateActivePointAsync();
        var registered = await _steps.RegisteredAsync(point);
        var id = Guid.Parse(registered.Name["registrations/".Length..]);
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        var clerk = _steps.Clerk(point);

        await bus.Publish(new RegistrantDeceased(id, Guid.NewGuid(), DateTimeOffset.UtcNow));
        Assert.True(await Eventually.HoldsAsync(async () => (await clerk.GetRegistrationAsync(new GetRegistrationRequest
        {
            Name = registered.Name, Purpose = RegistrationSteps.Purpose,
        })).Status == RegistrationStatus.Deceased), "The registration did not become Deceased.");

        var outcome = new DonationOutcomeRecorded(id, Guid.NewGuid(), true, null, DateTimeOffset.UtcNow);
        await bus.Publish(outcome);
        await bus.Publish(outcome); // a second message with the same content is a different message: the state machine refuses it
        Assert.True(await Eventually.HoldsAsync(async () => (await clerk.GetRegistrationAsync(new GetRegistrationRequest
        {
            Name = registered.Name, Purpose = RegistrationSteps.Purpose,
        })).Status == RegistrationStatus.Realised), "The registration did not become Realised.");
        var pointId = Guid.Parse(point.Name["registrationPoints/".Length..]);
        var counts = await fixture.WithDbAsync(db => db.Set<registration::DonationRegistry.Registration.Domain.Statistics.StatisticsDay>()
            .Where(d => d.PointId == pointId).ToListAsync());
        Assert.Equal(1, counts.Sum(d => d.NewRegistrations));
        Assert.Equal(1, counts.Sum(d => d.Realised));
    }

    [Fact]
    public async Task OutcomeBeforeDeceased_WhenTheDeathNoticeArrivesLast_IsRealisedAndStaysRealised()
    {
        var point = await fixture.CreateActivePointAsync();
        var registered = await _steps.RegisteredAsync(point);
        var id = Guid.Parse(registered.Name["registrations/".Length..]);
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        var clerk = _steps.Clerk(point);
        var caseId = Guid.NewGuid();

        // The two events travel on separate queues: the outcome may overtake the death notice.
        await bus.Publish(new DonationOutcomeRecorded(id, caseId, true, null, DateTimeOffset.UtcNow));
        Assert.True(await Eventually.HoldsAsync(async () => (await clerk.GetRegistrationAsync(new GetRegistrationRequest
        {
            Name = registered.Name, Purpose = RegistrationSteps.Purpose,
        })).Status == RegistrationStatus.Realised), "The registration did not become Realised.");
        await bus.Publish(new RegistrantDeceased(id, caseId, DateTimeOffset.UtcNow));
        var marker = await _steps.RegisteredAsync(point);
        await bus.Publish(new RegistrantDeceased(Guid.Parse(marker.Name["registrations/".Length..]), Guid.NewGuid(), DateTimeOffset.UtcNow));
        Assert.True(await Eventually.HoldsAsync(async () => (await clerk.GetRegistrationAsync(new GetRegistrationRequest
        {
            Name = marker.Name, Purpose = RegistrationSteps.Purpose,
        })).Status == RegistrationStatus.Deceased), "The later death notice was not processed.");

        Assert.Equal(RegistrationStatus.Realised, (await clerk.GetRegistrationAsync(new GetRegistrationRequest
        {
            Name = registered.Name, Purpose = RegistrationSteps.Purpose,
        })).Status);
    }

    [Fact]
    public async Task DonationOutcomeRecorded_WhenNotRealised_IsNotRealised()
    {
        var point = await fixture.CreateActivePointAsync();
        var registered = await _steps.RegisteredAsync(point);
        var id = Guid.Parse(registered.Name["registrations/".Length..]);
        var bus = fixture.Host.Services.GetRequiredService<IBus>();
        var clerk = _steps.Clerk(point);
        await bus.Publish(new RegistrantDeceased(id, Guid.NewGuid(), DateTimeOffset.UtcNow));
        Assert.True(await Eventually.HoldsAsync(async () => (await clerk.GetRegistrationAsync(new GetRegistrationRequest
        {
            Name = registered.Name, Purpose = RegistrationSteps.Purpose,
        })).Status == RegistrationStatus.Deceased));

        await bus.Publish(new DonationOutcomeRecorded(id, Guid.NewGuid(), false, "MEDICAL_UNSUITABLE", DateTimeOffset.UtcNow));

        Assert.True(await Eventually.HoldsAsync(async () => (await clerk.GetRegistrationAsync(new GetRegistrationRequest
        {
            Name = registered.Name, Purpose = RegistrationSteps.Purpose,
        })).Status == RegistrationStatus.NotRealised));
    }

    [Fact]
    public async Task EnrollHscVolunteer_WhenAged18To45_IsEnrolledOnceAndIdempotent()
    {
        var point = await fixture.CreateActivePointAsync();
        var person = TestPeople.NewPerson(TestPeople.NewIdNumber(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-30)));
        var request = new EnrollHscVolunteerRequest
        {
            RequestId = Guid.NewGuid().ToString(), RegistrationPoint = point.Name, Person = person,
            Consents = new Consents { SensitiveData = true, TransferToProvincialCentre = true },
        };
        var clerk = _steps.Clerk(point);

        var first = await clerk.EnrollHscVolunteerAsync(request);
        var again = await clerk.EnrollHscVolunteerAsync(request);
        request.RequestId = Guid.NewGuid().ToString();
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => clerk.EnrollHscVolunteerAsync(request).ResponseAsync);

        Assert.True(Guid.TryParse(first.VolunteerId, out _));
        Assert.Equal(first.VolunteerId, again.VolunteerId);
    }

    private static async Task<StatusCode> Outcome(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }
}
