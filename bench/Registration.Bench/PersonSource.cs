using System.Globalization;
using DonationRegistry.Common.PersonalData;
using DonationRegistry.Registration.V1;

namespace DonationRegistry.Registration.Bench;

/// <summary>Distinct synthetic volunteers with valid resident ID numbers (GB 11643) for the bench's requests.</summary>
internal sealed class PersonSource
{
    private static readonly string[] Counties = ["330102", "330105", "330106", "330108", "330109", "330110"];
    private int _next;

    public CreateRegistrationRequest NextRequest(string pointName)
    {
        var n = Interlocked.Increment(ref _next);
        // A birth date per 450 people from 1950 on, sequence 100–999 (odd: male), county by n: unique within a run.
        var birth = new DateOnly(1950, 1, 1).AddDays(n / 450);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{Counties[n % Counties.Length]}{birth:yyyyMMdd}{100 + n % 450 * 2 + 1:000}");
        var registration = new DonationRegistry.Registration.V1.Registration
        {
            RegistrationPoint = pointName,
            Channel = Channel.AuthorisedPoint,
            Programme = Programme.Organ,
            Person = new Person
            {
                FullName = "测试" + (char)('甲' + n % 10),
                IdType = IdType.ResidentId,
                IdNumber = first17 + ResidentIdNumber.CheckCharacterOf(first17),
                Phone = "138" + (10_000_000 + n % 89_999_999).ToString(CultureInfo.InvariantCulture),
                Address = "杭州市西湖区文三路 100 号",
            },
            NotificationContact = new Contact { FullName = "李四", Relation = "配偶", Phone = "13900139000" },
            Consents = new Consents { SensitiveData = true, TransferToProvincialCentre = true },
        };
        registration.Scope.AddRange([DonationScope.Kidney, DonationScope.Liver]);
        return new CreateRegistrationRequest { RequestId = Guid.NewGuid().ToString(), Registration = registration };
    }
}
