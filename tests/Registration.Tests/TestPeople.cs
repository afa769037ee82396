using System.Globalization;
using ResidentIdNumber = DonationRegistry.Common.PersonalData.ResidentIdNumber;
using DonationRegistry.Registration.V1;

namespace DonationRegistry.Registration.Tests;

/// <summary>
/// Synthetic people with valid, unique resident ID numbers (GB 11643 checksum) for tests, and ready-made valid requests.
/// Numbers are unique within a test run (a counter over birth dates and sequence numbers, from a random start per run).
/// </summary>
public static class TestPeople
{
    private static readonly DateOnly Start = new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 3000));
    private static int _counter;

    /// <summary>A fresh valid resident ID number of someone born on <paramref name="birthDate"/> (default: an adult aged 25–65),
    /// in county <paramref name="region"/>, of the given sex.</summary>
    public static string NewIdNumber(DateOnly? birthDate = null, Sex sex = Sex.Male, string region = "330106")
    {
        var n = Interlocked.Increment(ref _counter);
        var birth = birthDate ?? Start.AddDays(n / 400);
        // Sequence digit 17 is odd for men, even for women.
        var sequence = n % 400 * 2 + (sex == Sex.Female ? 0 : 1) + 100;
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{region}{birth:yyyyMMdd}{sequence:000}");
        return first17 + ResidentIdNumber.CheckCharacterOf(first17);
    }

    /// <summary>A valid person with a fresh ID number.</summary>
    public static Person NewPerson(string? idNumber = null, string fullName = "张三") => new()
    {
        FullName = fullName,
        IdType = IdType.ResidentId,
        IdNumber = idNumber ?? NewIdNumber(),
        Phone = "13800138000",
        Address = "杭州市西湖区文三路 100 号",
    };

    /// <summary>A valid organ registration at <paramref name="pointName"/> (channel AUTHORISED_POINT), for a new person.</summary>
    public static CreateRegistrationRequest NewOrganRegistration(string pointName, Person? person = null)
    {
        var registration = new V1.Registration
        {
            RegistrationPoint = pointName,
            Channel = Channel.AuthorisedPoint,
            Programme = Programme.Organ,
            Person = person ?? NewPerson(),
            NotificationContact = new Contact { FullName = "李四", Relation = "配偶", Phone = "13900139000" },
            Consents = new Consents { SensitiveData = true, TransferToProvincialCentre = true },
        };
        registration.Scope.AddRange([DonationScope.Kidney, DonationScope.Liver]);
        return new CreateRegistrationRequest { RequestId = Guid.NewGuid().ToString(), Registration = registration };
    }

    /// <summary>A valid body-and-tissue registration (whole body and cornea, with an executor) at <paramref name="pointName"/>.</summary>
    public static CreateRegistrationRequest NewBodyRegistration(string pointName, Person? person = null)
    {
        var request = NewOrganRegistration(pointName, person);
        request.Registration.Programme = Programme.BodyAndTissue;
        request.Registration.Scope.Clear();
        request.Registration.Scope.AddRange([DonationScope.Body, DonationScope.Cornea]);
        request.Registration.Executor = new Executor { Kind = ExecutorKind.ElderCareInstitution, Name = "浙江民生社会养老服务中心", Phone = "0571-88889999" };
        return request;
    }

    /// <summary>A valid witnessing: two witnesses, family informed, a letter hash.</summary>
    public static Witnessing NewWitnessing(int witnesses = 2)
    {
        var witnessing = new Witnessing { FamilyInformed = true, LetterSha256 = new string('a', 64) };
        for (var i = 0; i < witnesses; i++)
        {
            witnessing.Witnesses.Add(new Witness
            {
                FullName = "王五",
                Relation = "朋友",
                IdType = IdType.ResidentId,
                IdNumber = NewIdNumber(),
                SignedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow),
            });
        }
        return witnessing;
    }
}
