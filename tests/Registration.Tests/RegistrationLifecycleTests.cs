using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Xunit;

namespace DonationRegistry.Registration.Tests;

/// <summary>The main road of a volunteer registration through the API - witnessing, forwarding, confirmation with its registration
/// number and certificate - and the transitions no state allows.</summary>
[Collection(RegistrationFixture.Collection)]
public sealed class RegistrationLifecycleTests(RegistrationFixture fixture)
{
    private readonly RegistrationSteps _steps = new(fixture);

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
}
