using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Registration.Tests;

/// <summary>SearchRegistrations and GetRegistration: criteria, scope, paging, masking.</summary>
[Collection(RegistrationFixture.Collection)]
public sealed class SearchTests(RegistrationFixture fixture)
{
    private readonly RegistrationSteps _steps = new(fixture);

    [Fact]
    public async Task SearchRegistrations_WhenByExactIdNumber_FindsThePersonThroughTheKeyedHash()
    {
        var point = await fixture.CreateActivePointAsync();
        var idNumber = TestPeople.NewIdNumber();
        var draft = await _steps.DraftAsync(point, TestPeople.NewOrganRegistration(point.Name, TestPeople.NewPerson(idNumber)));
        await _steps.DraftAsync(point);

        var found = await _steps.Clerk(point).SearchRegistrationsAsync(new SearchRegistrationsRequest
        {
            Purpose = RegistrationSteps.Purpose, IdType = IdType.ResidentId, IdNumber = idNumber.ToLowerInvariant(),
        });

        Assert.Equal([draft.Name], found.Registrations.Select(r => r.Name));
        Assert.DoesNotContain(idNumber, found.Registrations[0].Person.IdNumber, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchRegistrations_WhenByNumber_FindsTheRegistration()
    {
        var point = await fixture.CreateActivePointAsync();
        var registered = await _steps.RegisteredAsync(point);

        var found = await (await _steps.OfficerAsync(point)).SearchRegistrationsAsync(new SearchRegistrationsRequest
        {
            Purpose = RegistrationSteps.Purpose, RegistrationNumber = registered.RegistrationNumber,
        });

        Assert.Equal([registered.Name], found.Registrations.Select(r => r.Name));
    }

    [Fact]
    public async Task SearchRegistrations_WhenByNamePrefix_FindsOnlyWithinCallersScope()
    {
        var mine = await fixture.CreateActivePointAsync("330106");
        var other = await fixture.CreateActivePointAsync("330203");
        var surname = "诸葛" + (char)('甲' + Random.Shared.Next(0, 9));
        var own = await _steps.DraftAsync(mine, TestPeople.NewOrganRegistration(mine.Name, TestPeople.NewPerson(fullName: surname + "亮")));
        await _steps.DraftAsync(other, TestPeople.NewOrganRegistration(other.Name, TestPeople.NewPerson(fullName: surname + "瑾")));

        var clerkResult = await _steps.Clerk(mine).SearchRegistrationsAsync(new SearchRegistrationsRequest
        {
            Purpose = RegistrationSteps.Purpose, FullName = surname,
        });
        var hangzhouOfficer = await (await _steps.OfficerAsync(mine)).SearchRegistrationsAsync(new SearchRegistrationsRequest
        {
            Purpose = RegistrationSteps.Purpose, FullName = surname,
        });
        var province = await fixture.Client<Registrations.RegistrationsClient>(await fixture.ProvincialOfficerTokenAsync())
            .SearchRegistrationsAsync(new SearchRegistrationsRequest { Purpose = RegistrationSteps.Purpose, FullName = surname });

        Assert.Equal([own.Name], clerkResult.Registrations.Select(r => r.Name));
        Assert.Equal([own.Name], hangzhouOfficer.Registrations.Select(r => r.Name));
        Assert.Equal(2, province.Registrations.Count);
    }

    [Fact]
    public async Task SearchRegistrations_WhenPaged_ReturnsEveryMatchOnceNewestFirst()
    {
        var point = await fixture.CreateActivePointAsync();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await _steps.DraftAsync(point)).Name);
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await _steps.Clerk(point).SearchRegistrationsAsync(new SearchRegistrationsRequest
            {
                Purpose = RegistrationSteps.Purpose, RegistrationPoint = point.Name, Status = RegistrationStatus.Draft, PageSize = 2,
                PageToken = token, CreatedFrom = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            });
            Assert.True(page.Registrations.Count <= 2);
            seen.AddRange(page.Registrations.Select(r => r.Name));
            token = page.NextPageToken;
        }
        while (token != "");

        Assert.Equal(Enumerable.Reverse(created), seen);
    }

    [Fact]
    public async Task GetRegistration_WhenClerkOfAnotherPoint_ReturnsPermissionDenied()
    {
        var mine = await fixture.CreateActivePointAsync();
        var other = await fixture.CreateActivePointAsync();
        var draft = await _steps.DraftAsync(mine);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => _steps.Clerk(other).GetRegistrationAsync(new GetRegistrationRequest
        {
            Name = draft.Name, Purpose = RegistrationSteps.Purpose,
        }).ResponseAsync);
    }

    [Fact]
    public async Task GetRegistration_WhenUnknown_ReturnsNotFound()
    {
        var point = await fixture.CreateActivePointAsync();

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => _steps.Clerk(point).GetRegistrationAsync(new GetRegistrationRequest
        {
            Name = "registrations/" + Guid.NewGuid(), Purpose = RegistrationSteps.Purpose,
        }).ResponseAsync);
    }

    [Fact]
    public async Task VerifyCertificate_WhenRevoked_IsNoLongerValid()
    {
        var point = await fixture.CreateActivePointAsync();
        var registered = await _steps.RegisteredAsync(point);
        await _steps.Clerk(point).RevokeRegistrationAsync(new RevokeRegistrationRequest { Name = registered.Name, Reason = "x", Etag = registered.Etag });

        var check = await fixture.Client<Registrations.RegistrationsClient>(null).VerifyCertificateAsync(new VerifyCertificateRequest
        {
            RegistrationNumber = registered.RegistrationNumber, VerificationCode = registered.Certificate.VerificationCode,
        });

        Assert.False(check.Valid);
    }
}
