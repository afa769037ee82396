using DonationRegistry.Registration.V1;

namespace DonationRegistry.Registration.Tests;

/// <summary>Moves a registration through its lifecycle through the API (clerk of the point for entry, the city officer of the
/// point's region for confirmation).</summary>
public sealed class RegistrationSteps(RegistrationFixture fixture)
{
    public const string Purpose = "integration test";

    public Registrations.RegistrationsClient Clerk(TestPoint point) => fixture.Client<Registrations.RegistrationsClient>(point.ClerkToken);

    public async Task<Registrations.RegistrationsClient> OfficerAsync(TestPoint point) =>
        fixture.Client<Registrations.RegistrationsClient>(await fixture.OfficerTokenAsync(point.RegionCode[..4] + "00"));

    public async Task<V1.Registration> DraftAsync(TestPoint point, CreateRegistrationRequest? request = null) =>
        await Clerk(point).CreateRegistrationAsync(request ?? TestPeople.NewOrganRegistration(point.Name));

    public async Task<V1.Registration> PendingWitnessAsync(TestPoint point, CreateRegistrationRequest? request = null)
    {
        var draft = await DraftAsync(point, request);
        return await Clerk(point).RecordWitnessingAsync(new RecordWitnessingRequest
        {
            Name = draft.Name, Witnessing = TestPeople.NewWitnessing(), Etag = draft.Etag,
        });
    }

    public async Task<V1.Registration> ForwardedAsync(TestPoint point, CreateRegistrationRequest? request = null)
    {
        var pending = await PendingWitnessAsync(point, request);
        return await Clerk(point).ForwardRegistrationAsync(new ForwardRegistrationRequest { Name = pending.Name, Etag = pending.Etag });
    }

    public async Task<V1.Registration> RegisteredAsync(TestPoint point, CreateRegistrationRequest? request = null)
    {
        var forwarded = await ForwardedAsync(point, request);
        return await (await OfficerAsync(point)).ConfirmRegistrationAsync(new ConfirmRegistrationRequest
        {
            Name = forwarded.Name, Etag = forwarded.Etag,
        });
    }

    /// <summary>A registration in <paramref name="status"/>: DRAFT, PENDING_WITNESS, FORWARDED, REGISTERED, REVOKED or
    /// OBJECTION_RECORDED (the last two from REGISTERED).</summary>
    public async Task<V1.Registration> InStateAsync(TestPoint point, RegistrationStatus status)
    {
        switch (status)
        {
            case RegistrationStatus.Draft:
                return await DraftAsync(point);
            case RegistrationStatus.PendingWitness:
                return await PendingWitnessAsync(point);
            case RegistrationStatus.Forwarded:
                return await ForwardedAsync(point);
            case RegistrationStatus.Registered:
                return await RegisteredAsync(point);
            case RegistrationStatus.Revoked:
            {
                var registered = await RegisteredAsync(point);
                return await Clerk(point).RevokeRegistrationAsync(new RevokeRegistrationRequest
                {
                    Name = registered.Name, Reason = "changed their mind", Etag = registered.Etag,
                });
            }
            case RegistrationStatus.ObjectionRecorded:
            {
                var registered = await RegisteredAsync(point);
                return await Clerk(point).RecordObjectionAsync(new RecordObjectionRequest
                {
                    Name = registered.Name, DocumentReference = "DOC-1", Etag = registered.Etag,
                });
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "Not reachable through the API.");
        }
    }
}
