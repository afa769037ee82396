extern alias hsc;

using DonationRegistry.Common;
using DonationRegistry.Hla.Tests.Support;
using DonationRegistry.Hsc.V1;
using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using DonationRegistry.TestSupport.Security;
using Google.Protobuf;
using Grpc.Core;
using Xunit;
using HscDbContext = hsc::DonationRegistry.Hsc.Infrastructure.HscDbContext;

namespace DonationRegistry.Hsc.Tests;

/// <summary>
/// Issue #9: no log line, event or response of the HSC service shows a plaintext ID number (<see cref="IdNumberScan"/>). A volunteer
/// enrolled with an ID number at the Registration service of the end-to-end fixture reaches an HSC instance of this test's own
/// (own database, logging at its configured levels into the scan), where the donor is read, sampled, typed by HML and found by a
/// search; the donor's name given as the ID number is refused; a tap on the broker collects the enrolment and every HSC event.
/// </summary>
[Collection(EndToEndFixture.Collection)]
public sealed class LogScanTests(EndToEndFixture fixture)
{
    private const string SampleId = "1367-7150-8";
    private const string Typing =
        "HLA-A*01:01+HLA-A*24:02^HLA-B*08:01+HLA-B*57:01^HLA-C*06:02+HLA-C*07:01^HLA-DRB1*03:01+HLA-DRB1*07:01^HLA-DQB1*02:01+HLA-DQB1*03:03";
    private static readonly string[] Events =
    [
        "HscVolunteerEnrolled", "DonorReserved", "DonorReleased", "CollectionStepCompleted", "HscDonationCompleted", "CollectionCaseCancelled",
        "FollowUpDue", "DonorWithdrawalCritical",
    ];

    [Fact]
    public async Task DonorWork_AfterEnrolmentWithAnIdNumber_LeavesNoPlaintextIdNumberInLogsEventsOrResponses()
    {
        await using var scanned = new ScannedService<HscDbContext>("hscdb", fixture.Identity.Authority, Events, settings: HscFixture.OwnSettings());
        await scanned.StartAsync();
        var (scan, host, tap) = (scanned.Scan, scanned.Host, scanned.Tap);
        var idNumber = scan.Use(TestIdNumbers.New(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-30)));

        var volunteerId = await EnrolAsync(idNumber);
        var coordinator = await fixture.TokenAsync(Roles.HscCoordinator, "RC-330100", "330100", "city", Scopes.Hsc);
        var pool = new DonorPool.DonorPoolClient(host.Channel(coordinator));
        var name = $"donors/{volunteerId}";
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            try
            {
                scan.Response(await pool.GetDonorAsync(new GetDonorRequest { Name = name, Purpose = "log scan" }));
                return true;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                return false;
            }
        }), "The enrolled volunteer never reached the HSC instance.");
        scan.Response(await pool.RecordSampleAsync(new RecordSampleRequest { Name = name, SampleId = SampleId }));
        var hml = await File.ReadAllBytesAsync(Path.Combine(ImgtData.HmlFolder, "hml_1_0_1-example7-ngsFull.xml"));
        scan.Response(await pool.UploadHmlAsync(new UploadHmlRequest { Hml = ByteString.CopyFrom(hml) }));
        var search = new Search.SearchClient(host.Channel(coordinator));
        var summary = scan.Response(await search.SubmitSearchAsync(new SubmitSearchRequest
        {
            PatientReference = "TC-logscan-001", PatientTyping = Typing, Criteria = new SearchCriteria { Preset = CriteriaPreset.TenOfTen },
        }));
        var results = scan.Response(await search.GetSearchResultsAsync(new GetSearchResultsRequest { Name = summary.Name }));
        Assert.Contains(results.Matches, m => m.Donor == name);
        // A clerk pasting the ID number where the donor's name belongs.
        await scan.RefusalAsync(() => pool.GetDonorAsync(new GetDonorRequest { Name = "donors/" + idNumber, Purpose = "log scan" }).ResponseAsync);
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(
            tap.Received("HscVolunteerEnrolled").Any(b => b.Contains(volunteerId, StringComparison.Ordinal)))), "HscVolunteerEnrolled not on the broker");

        scanned.AssertNoLeaks();
    }

    /// <summary>Enrols a volunteer with <paramref name="idNumber"/> at a new HSC point of the Registration service; the volunteer id.</summary>
    private async Task<string> EnrolAsync(string idNumber)
    {
        var officer = fixture.RegistrationClient<RegistrationPoints.RegistrationPointsClient>(
            await fixture.TokenAsync(Roles.RegistryOfficer, "RC-330000", "330000", "province", Scopes.Registration));
        var point = await officer.CreateRegistrationPointAsync(new CreateRegistrationPointRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Point = new RegistrationPoint
            {
                DisplayName = "西湖区采样点 " + Guid.NewGuid().ToString("N")[..6], HostOrganisation = "西湖区红十字会", Kind = PointKind.RedCrossOffice,
                RegionCode = "330106", Address = "杭州市西湖区文三路 1 号", ContactPhone = "0571-88889999",
                Services = { PointService.Registration, PointService.HscSampleCollection },
            },
        });
        point = await officer.TransitionRegistrationPointAsync(new TransitionRegistrationPointRequest
        {
            Name = point.Name, Trigger = PointTrigger.Authorise, Etag = point.Etag, Reason = "log scan",
        });
        point = await officer.TransitionRegistrationPointAsync(new TransitionRegistrationPointRequest { Name = point.Name, Trigger = PointTrigger.Activate, Etag = point.Etag });
        var clerk = fixture.RegistrationClient<Registrations.RegistrationsClient>(
            await fixture.TokenAsync(Roles.RegistrationClerk, point.Code, "330106", "registration_point", Scopes.Registration));
        var enrolment = await clerk.EnrollHscVolunteerAsync(new EnrollHscVolunteerRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            RegistrationPoint = point.Name,
            Person = new Person
            {
                FullName = "欧阳晓", IdType = IdType.ResidentId, IdNumber = idNumber, Phone = "13800138000", Address = "杭州市西湖区文三路 100 号",
            },
            Consents = new Consents { SensitiveData = true, TransferToProvincialCentre = true },
        });
        return enrolment.VolunteerId;
    }
}
