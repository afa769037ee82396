extern alias registration;

using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;
using Model = registration::DonationRegistry.Registration.Domain.Registrations;

namespace DonationRegistry.Registration.Tests;

/// <summary>Creating a registration (at a point or online) and enrolling an HSC volunteer: derived fields, idempotent requests and
/// one live registration per person and programme.</summary>
[Collection(RegistrationFixture.Collection)]
public sealed class RegistrationCreationTests(RegistrationFixture fixture)
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
}
