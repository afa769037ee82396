using DonationRegistry.Common;
using DonationRegistry.Hsc.V1;
using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using Google.Protobuf;
using Grpc.Core;
using Xunit;
using HscSex = DonationRegistry.Hsc.V1.Sex;
using DonationRegistry.Hla.Tests.Support;

namespace DonationRegistry.Hsc.Tests;

[Collection(EndToEndFixture.Collection)]
public sealed class EndToEndTests(EndToEndFixture fixture)
{
    /// <summary>The sample in the shared HML example (../shared/data/hml, read in place) and its typing at the ten loci.</summary>
    private const string ExampleSampleId = "1367-7150-8";
    private const string ExamplePatient =
        "HLA-A*01:01+HLA-A*24:02^HLA-B*08:01+HLA-B*57:01^HLA-C*06:02+HLA-C*07:01^HLA-DRB1*03:01+HLA-DRB1*07:01^HLA-DQB1*02:01+HLA-DQB1*03:03";

    [Fact]
    public async Task Volunteer_WhenEnrolledForHscAtAPoint_ReachesThePoolIsTypedByHmlAndIsFoundBySearch()
    {
        // Registration service: a provincial officer opens an HSC point in Xihu district; its clerk enrols a 25-year-old woman.
        var officer = fixture.RegistrationClient<RegistrationPoints.RegistrationPointsClient>(
            await fixture.TokenAsync(Roles.RegistryOfficer, "RC-330000", "330000", "province", Scopes.Registration));
        var point = await officer.CreateRegistrationPointAsync(new CreateRegistrationPointRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Point = new RegistrationPoint
            {
                DisplayName = "西湖区造血干细胞采样点", HostOrganisation = "西湖区红十字会", Kind = PointKind.RedCrossOffice, RegionCode = "330106",
                Address = "杭州市西湖区文三路 1 号", ContactPhone = "0571-88889999", Services = { PointService.Registration, PointService.HscSampleCollection },
            },
        });
        point = await officer.TransitionRegistrationPointAsync(new TransitionRegistrationPointRequest
        {
            Name = point.Name, Trigger = PointTrigger.Authorise, Etag = point.Etag, Reason = "e2e",
        });
        point = await officer.TransitionRegistrationPointAsync(new TransitionRegistrationPointRequest
        {
            Name = point.Name, Trigger = PointTrigger.Activate, Etag = point.Etag,
        });
        var clerk = fixture.RegistrationClient<Registrations.RegistrationsClient>(
            await fixture.TokenAsync(Roles.RegistrationClerk, point.Code, "330106", "registration_point", Scopes.Registration));
        var birth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-25);
        var enrolment = await clerk.EnrollHscVolunteerAsync(new EnrollHscVolunteerRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            RegistrationPoint = point.Name,
            Person = new Person
            {
                FullName = "林晓雨", IdType = IdType.ResidentId, IdNumber = ResidentId(birth, female: true), Phone = "13800138000",
                Address = "杭州市西湖区文三路 100 号",
            },
            Consents = new Consents { SensitiveData = true, TransferToProvincialCentre = true },
        });

        // HSC service: the enrolment crosses the broker and the donor appears in the Hangzhou coordinator's pool.
        var coordinatorToken = await fixture.TokenAsync(Roles.HscCoordinator, "RC-330100", "330100", "city", Scopes.Hsc);
        var pool = fixture.HscClient<DonorPool.DonorPoolClient>(coordinatorToken);
        var name = $"donors/{enrolment.VolunteerId}";
        Donor? donor = null;
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            try
            {
                donor = await pool.GetDonorAsync(new GetDonorRequest { Name = name, Purpose = "e2e: new enrolment" });
                return true;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                return false;
            }
        }), "The enrolled volunteer never reached the HSC pool.");
        Assert.Equal(DonorStatus.Enrolled, donor!.Status);
        Assert.Equal(birth.Year, donor.BirthYear);
        Assert.Equal(HscSex.Female, donor.Sex);
        Assert.Equal("330106", donor.RegionCode);
        Assert.Equal($"registrationPoints/{point.Name["registrationPoints/".Length..]}", donor.RegistrationPoint);

        // The sample goes to the lab; the lab's HML file comes back and is uploaded.
        await pool.RecordSampleAsync(new RecordSampleRequest { Name = name, SampleId = ExampleSampleId });
        var hml = await File.ReadAllBytesAsync(Path.Combine(ImgtData.HmlFolder, "hml_1_0_1-example7-ngsFull.xml"));
        var uploaded = await pool.UploadHmlAsync(new UploadHmlRequest { Hml = ByteString.CopyFrom(hml) });
        var typed = Assert.Single(uploaded.Donors);
        Assert.Equal(name, typed.Name);
        Assert.Equal(DonorStatus.Available, typed.Status);
        Assert.True(typed.Searchable);

        // A transplant centre's patient with the same ten-locus typing: the donor is found by a 10/10 search through gRPC.
        var search = fixture.HscClient<Search.SearchClient>(coordinatorToken);
        var summary = await search.SubmitSearchAsync(new SubmitSearchRequest
        {
            PatientReference = "TC-e2e-001", PatientTyping = ExamplePatient, Criteria = new SearchCriteria { Preset = CriteriaPreset.TenOfTen },
        });
        var results = await search.GetSearchResultsAsync(new GetSearchResultsRequest { Name = summary.Name });
        var match = Assert.Single(results.Matches);
        Assert.Equal(name, match.Donor);
        Assert.Equal(0, match.MismatchCount);
        Assert.All(match.Loci.Where(l => l.Locus != "DPB1"), l => Assert.Equal(2, l.MatchCount));
        Assert.Equal(1, summary.TotalCount);
    }

    /// <summary>A valid resident ID number (GB 11643) of a woman born on <paramref name="birth"/> in Xihu district.</summary>
    private static string ResidentId(DateOnly birth, bool female)
    {
        var sequence = Random.Shared.Next(100, 499) * 2 + (female ? 0 : 1);
        var first17 = $"330106{birth:yyyyMMdd}{sequence % 1000:000}";
        return first17 + DonationRegistry.Common.PersonalData.ResidentIdNumber.CheckCharacterOf(first17);
    }
}
