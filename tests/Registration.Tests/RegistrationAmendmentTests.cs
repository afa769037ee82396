using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Xunit;

namespace DonationRegistry.Registration.Tests;

/// <summary>Amending a registration: a new version that keeps the old one, and concurrent or stale edits refused (ABORTED).</summary>
[Collection(RegistrationFixture.Collection)]
public sealed class RegistrationAmendmentTests(RegistrationFixture fixture)
{
    private readonly RegistrationSteps _steps = new(fixture);

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
