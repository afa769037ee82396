using System.Security.Cryptography;
using System.Text;
using DonationRegistry.Common;
using DonationRegistry.OrganCoordination.V1;
using Google.Protobuf.WellKnownTypes;
using Xunit;
using Xunit.Abstractions;
using Fc = DonationRegistry.FamilyCare.V1;
using Reg = DonationRegistry.Registration.V1;

namespace DonationRegistry.SystemTests.Journeys;

/// <summary>
/// The organ journey through the real processes (人体器官捐献): the demo clerk registers a volunteer in Registration and Hangzhou's
/// officer confirms it → the provincial officer certifies the demo coordinator (and two witnesses) in OrganCoordination → the
/// coordinator runs an organ case for that person to completion (OrganCoordination asks Registration's registry over gRPC with its
/// own client token; the provincial officer appoints the witnesses) → <c>RegistrantDeceased</c> and
/// <c>DonationOutcomeRecorded</c> make the registration Realised in Registration, and <c>OrganDonationCompleted</c> refers the
/// family to FamilyCare — each seen through the downstream service's API as the demo user who reads it.
/// </summary>
[Collection(SystemFixture.Collection)]
public sealed class OrganDonationJourneyTests(SystemFixture system, ITestOutputHelper output)
{
    private const string Hospital = "H-330102-0001";
    private const string Region = "330102";
    private const string Purpose = "系统测试 system journey";
    private static readonly TimeSpan EventWithin = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task OrganCase_WhenRunToCompletionForARegisteredVolunteer_RealisesTheRegistrationAndRefersTheFamily()
    {
        var idNumber = IdNumbers.Next(ShanghaiDay.Today);
        var registration = await RegisteredVolunteerAsync(idNumber);
        var coordinatorToken = await system.TokenAsync("coordinator", Scopes.Organ);
        var officerToken = await system.TokenAsync("officer.zj", Scopes.Organ);
        await CertifiedCredentialAsync(officerToken, SystemUsers.UserIdOf(coordinatorToken));
        string[] witnesses =
        [
            await CertifiedCredentialAsync(officerToken, "witness-" + Guid.NewGuid().ToString("N")[..8]),
            await CertifiedCredentialAsync(officerToken, "witness-" + Guid.NewGuid().ToString("N")[..8]),
        ];

        var coordinator = new OrganCases.OrganCasesClient(system.Channel("organcoordination", coordinatorToken));
        var officer = new OrganCases.OrganCasesClient(system.Channel("organcoordination", officerToken));
        var c = await coordinator.CreateOrganCaseAsync(new CreateOrganCaseRequest
        {
            RequestId = Guid.NewGuid().ToString(), RegionCode = Region, HospitalId = Hospital, DonorIdType = IdType.ResidentId, DonorIdNumber = idNumber,
        });
        c = await RunToCompletionAsync(c, coordinator, officer, witnesses);

        output.WriteLine($"{c.Name}: {c.State}, {c.Timeline.Count} timeline entries, family {c.FamilyReference}");
        Assert.Equal(OrganCaseState.Completed, c.State);
        Assert.Equal(RegistryAnswer.Registered, c.RegistryCheck.Answer);
        Assert.Equal(registration, c.RegistryCheck.Registration);
        Assert.DoesNotContain(idNumber, c.ToString(), StringComparison.Ordinal);

        // Registration: the events made the registration Realised (实现捐献), read by Hangzhou's officer.
        var registrations = new Reg.Registrations.RegistrationsClient(
            system.Channel("registration", await system.TokenAsync("officer.hz", Scopes.Registration)));
        var status = Reg.RegistrationStatus.Unspecified;
        Assert.True(await Eventually.HoldsAsync(async () =>
            (status = (await registrations.GetRegistrationAsync(new Reg.GetRegistrationRequest { Name = registration, Purpose = Purpose })).Status)
                == Reg.RegistrationStatus.Realised, EventWithin),
            $"{registration} is {status}, not Realised.");

        // FamilyCare: the family referred once under the case's pseudonymous family reference.
        IReadOnlyList<Fc.Family> families = [];
        Assert.True(await Eventually.HoldsAsync(async () => (families = await FamilyReferrals.OfReferenceAsync(system, c.FamilyReference)).Count > 0,
            EventWithin), "FamilyCare did not refer the donor's family.");
        var family = Assert.Single(families);
        Assert.Equal(Fc.ReferralSource.OrganDonation, family.Source);
        Assert.Equal(Fc.FamilyStatus.Referred, family.Status);
        Assert.Equal(Region, family.RegionCode);
        Assert.DoesNotContain(idNumber, family.ToString(), StringComparison.Ordinal);
    }

    /// <summary>An organ registration by the demo clerk at its point, witnessed, forwarded and confirmed by Hangzhou's officer.</summary>
    private async Task<string> RegisteredVolunteerAsync(string idNumber)
    {
        var clerk = new Reg.Registrations.RegistrationsClient(system.Channel("registration", await system.TokenAsync("clerk", Scopes.Registration)));
        var officer = new Reg.Registrations.RegistrationsClient(
            system.Channel("registration", await system.TokenAsync("officer.hz", Scopes.Registration)));
        var draft = new Reg.Registration
        {
            RegistrationPoint = await system.ClerkPointAsync(), Channel = Reg.Channel.AuthorisedPoint, Programme = Reg.Programme.Organ,
            Person = new Reg.Person { FullName = "系统测试登记", IdType = Reg.IdType.ResidentId, IdNumber = idNumber, Phone = "13800138000", Address = "杭州市上城区解放路 1 号" },
            NotificationContact = new Reg.Contact { FullName = "李四", Relation = "配偶", Phone = "13900139000" },
            Consents = new Reg.Consents { SensitiveData = true, TransferToProvincialCentre = true },
            Scope = { Reg.DonationScope.Kidney, Reg.DonationScope.Liver },
        };
        var r = await clerk.CreateRegistrationAsync(new Reg.CreateRegistrationRequest { RequestId = Guid.NewGuid().ToString(), Registration = draft });
        var witnessing = new Reg.Witnessing
        {
            FamilyInformed = true, LetterSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(r.Name))),
        };
        for (var i = 0; i < 2; i++)
        {
            witnessing.Witnesses.Add(new Reg.Witness
            {
                FullName = "王五", Relation = "朋友", IdType = Reg.IdType.ResidentId, IdNumber = IdNumbers.Next(ShanghaiDay.Today),
                SignedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)),
            });
        }
        r = await clerk.RecordWitnessingAsync(new Reg.RecordWitnessingRequest { Name = r.Name, Etag = r.Etag, Witnessing = witnessing });
        r = await clerk.ForwardRegistrationAsync(new Reg.ForwardRegistrationRequest { Name = r.Name, Etag = r.Etag });
        r = await officer.ConfirmRegistrationAsync(new Reg.ConfirmRegistrationRequest { Name = r.Name, Etag = r.Etag });
        Assert.Equal(Reg.RegistrationStatus.Registered, r.Status);
        return r.Name;
    }

    /// <summary>A coordinator credential for <paramref name="holder"/>, trained and certified by the provincial officer; its number.</summary>
    private async Task<string> CertifiedCredentialAsync(string officerToken, string holder)
    {
        var credentials = new CoordinatorCredentials.CoordinatorCredentialsClient(system.Channel("organcoordination", officerToken));
        var credential = await credentials.CreateCredentialAsync(new CreateCredentialRequest { HolderId = holder, OrgId = Hospital, RegionCode = Region });
        credential = await credentials.RecordTrainingAsync(new RecordTrainingRequest
        {
            Name = credential.Name, Etag = credential.Etag, Hours = 40, CourseReference = "ZJ-OPO-2026",
        });
        var number = "ZJ-SYS-" + Guid.NewGuid().ToString("N")[..8];
        await credentials.CertifyCredentialAsync(new CertifyCredentialRequest { Name = credential.Name, Etag = credential.Etag, Number = number });
        return number;
    }

    /// <summary>Every step of the main path, by the coordinator (the witnesses by the provincial officer), with the etag last read.</summary>
    private static async Task<OrganCase> RunToCompletionAsync(OrganCase c, OrganCases.OrganCasesClient coordinator, OrganCases.OrganCasesClient officer,
        string[] witnesses)
    {
        c = await coordinator.CheckRegistryAsync(new CheckRegistryRequest { Name = c.Name, Etag = c.Etag });
        c = await coordinator.StartEvaluationAsync(new OrganCaseStepRequest { Name = c.Name, Etag = c.Etag });
        c = await coordinator.ApproachFamilyAsync(new OrganCaseStepRequest { Name = c.Name, Etag = c.Etag });
        c = await coordinator.SignConsentAsync(new SignConsentRequest
        {
            Name = c.Name, Etag = c.Etag,
            Consent = new FamilyConsent
            {
                RequiredRelatives = { new Relative { Reference = "R1", Kind = RelativeKind.Spouse }, new Relative { Reference = "R2", Kind = RelativeKind.Parent } },
                SignedBy = { "R1", "R2" }, Organs = { Organ.Liver, Organ.LeftKidney }, DocumentReference = "CONSENT-SYS-1",
            },
        });
        c = await coordinator.SubmitToEthicsAsync(new OrganCaseStepRequest { Name = c.Name, Etag = c.Etag });
        c = await coordinator.RecordEthicsDecisionAsync(new RecordEthicsDecisionRequest
        {
            Name = c.Name, Etag = c.Etag, CommitteeSize = 9, Approvals = 7, DocumentReference = "ETH-SYS-1",
        });
        c = await coordinator.DeclareDeathAsync(new DeclareDeathRequest
        {
            Name = c.Name, Etag = c.Etag,
            Death = new DeathDeclaration
            {
                Category = DeathCategory.BrainDeath, DeathTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-5)),
                DeterminingPhysicians = { "dr-a", "dr-b" }, DocumentReference = "DD-SYS-1",
            },
        });
        c = await officer.AssignWitnessesAsync(new AssignWitnessesRequest { Name = c.Name, Etag = c.Etag, CredentialNumbers = { witnesses } });
        c = await coordinator.StartAllocationAsync(new StartAllocationRequest { Name = c.Name, Etag = c.Etag, CotrsDonorId = "COTRS-SYS-1" });
        c = await coordinator.StartProcurementAsync(new StartProcurementRequest
        {
            Name = c.Name, Etag = c.Etag, Organs = { Organ.Liver, Organ.LeftKidney }, Team = { "surgeon-x", "surgeon-y" },
        });
        c = await coordinator.RecordOrganOutcomeAsync(new RecordOrganOutcomeRequest
        {
            Name = c.Name, Etag = c.Etag, Organ = Organ.Liver, Kind = OrganOutcomeKind.Transplanted, ReceivingHospital = "浙江大学医学院附属第一医院",
        });
        c = await coordinator.RecordOrganOutcomeAsync(new RecordOrganOutcomeRequest
        {
            Name = c.Name, Etag = c.Etag, Organ = Organ.LeftKidney, Kind = OrganOutcomeKind.Transplanted, ReceivingHospital = "浙江省人民医院",
        });
        c = await coordinator.RestoreBodyAsync(new DocumentStepRequest { Name = c.Name, Etag = c.Etag, DocumentReference = "REST-SYS-1" });
        c = await coordinator.RecordWitnessReportAsync(new RecordWitnessReportRequest
        {
            Name = c.Name, Etag = c.Etag, ReportReference = "WR-SYS-1", SignedBy = { c.Witnesses.Select(w => w.CoordinatorId) },
        });
        c = await coordinator.ReleaseBodyAsync(new ReleaseBodyRequest { Name = c.Name, Etag = c.Etag, Recipient = BodyRecipient.Family });
        c = await coordinator.IssueCertificateAsync(new IssueCertificateRequest { Name = c.Name, Etag = c.Etag, CertificateNumber = "CERT-SYS-1" });
        return await coordinator.CompleteOrganCaseAsync(new CompleteOrganCaseRequest { Name = c.Name, Etag = c.Etag, FamilyCareContactConsent = true });
    }
}
