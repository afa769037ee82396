using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DonationRegistry.Registration.V1;
using DonationRegistry.SystemTests;
using Grpc.Core;

namespace DonationRegistry.Load;

/// <summary>
/// The mix each client runs. As the demo clerk of a registration point (登记站): 35 % HSC enrolments (EnrollHscVolunteer — the event
/// flows to Hsc), 25 % organ-donation registrations (CreateRegistration, a Draft), 15 % case steps on one of its own drafts
/// (RecordWitnessing, then ForwardRegistration), 10 % searches (SearchRegistrations by name prefix); as the Ningbo HSC coordinator:
/// 10 % donor searches for a patient (SubmitSearch over the pool index); as a family-care worker (小桔灯): 5 % the week's visits and
/// the due list (ListVisits + ListDueItems). With <c>registrationsOnly</c> only the first two: 58 % enrolments, 42 % registrations. Paced to the target rate (spread over the clients) or as fast as possible. Each client
/// has its own HTTP/2 connection to each service.
/// </summary>
internal sealed class MixRunner(LoadCallers callers, RpcStats stats, EventLatencyProbe probe, bool registrationsOnly)
{
    // Patient typings for the donor searches (GL Strings at A, B, C, DRB1, DQB1), common Chinese haplotypes.
    private static readonly string[] PatientTypings =
    [
        "HLA-A*02:01+HLA-A*11:01^HLA-B*40:01+HLA-B*46:01^HLA-C*01:02+HLA-C*07:02^HLA-DRB1*09:01+HLA-DRB1*15:01^HLA-DQB1*03:03+HLA-DQB1*06:02",
        "HLA-A*24:02+HLA-A*33:03^HLA-B*58:01+HLA-B*13:01^HLA-C*03:02+HLA-C*03:04^HLA-DRB1*03:01+HLA-DRB1*12:02^HLA-DQB1*02:01+HLA-DQB1*03:01",
        "HLA-A*02:07+HLA-A*30:01^HLA-B*13:02+HLA-B*46:01^HLA-C*01:02+HLA-C*06:02^HLA-DRB1*07:01+HLA-DRB1*09:01^HLA-DQB1*02:02+HLA-DQB1*03:03",
    ];

    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    public async Task RunAsync(int clients, double targetRate, CancellationToken stop)
    {
        var interval = targetRate > 0 ? TimeSpan.FromSeconds(clients / targetRate) : TimeSpan.Zero;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => ClientAsync(i, interval, stop), CancellationToken.None)));
    }

    private async Task ClientAsync(int index, TimeSpan interval, CancellationToken stop)
    {
        using var registrationChannel = callers.Channel("registration");
        using var hscChannel = callers.Channel("hsc");
        using var careChannel = callers.Channel("familycare");
        var registrations = new Registrations.RegistrationsClient(registrationChannel);
        var searches = new Hsc.V1.Search.SearchClient(hscChannel);
        var visits = new FamilyCare.V1.Visits.VisitsClient(careChannel);
        var headers = callers.Clerk;
        var random = new Random(index);
        var drafts = new Queue<DonationRegistry.Registration.V1.Registration>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var next = Stopwatch.GetTimestamp();
        while (!stop.IsCancellationRequested)
        {
            if (interval > TimeSpan.Zero)
            {
                next += (long)(interval.TotalSeconds * Stopwatch.Frequency);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(wait, stop);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
            var pick = random.NextDouble() * (registrationsOnly ? 0.60 : 1.0);
            if (pick < 0.35)
            {
                var enrolment = await CallAsync("EnrollHscVolunteer", () => registrations.EnrollHscVolunteerAsync(Enrolment(today), headers,
                    DateTime.UtcNow + CallDeadline).ResponseAsync);
                if (enrolment is not null)
                {
                    probe.Acknowledged(Guid.Parse(enrolment.VolunteerId));
                }
            }
            else if (pick < 0.60 || (pick < 0.75 && drafts.Count == 0))
            {
                var created = await CallAsync("CreateRegistration", () => registrations.CreateRegistrationAsync(Draft(today), headers,
                    DateTime.UtcNow + CallDeadline).ResponseAsync);
                if (created is not null && drafts.Count < 100)
                {
                    drafts.Enqueue(created);
                }
            }
            else if (pick < 0.75)
            {
                var draft = drafts.Dequeue();
                var witnessed = await CallAsync("RecordWitnessing", () => registrations.RecordWitnessingAsync(new RecordWitnessingRequest
                {
                    Name = draft.Name, Etag = draft.Etag,
                    Witnessing = new Witnessing
                    {
                        FamilyInformed = true, LetterSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(draft.Name))),
                    },
                }, headers, DateTime.UtcNow + CallDeadline).ResponseAsync);
                if (witnessed is not null)
                {
                    await CallAsync("ForwardRegistration", () => registrations.ForwardRegistrationAsync(
                        new ForwardRegistrationRequest { Name = witnessed.Name, Etag = witnessed.Etag }, headers, DateTime.UtcNow + CallDeadline).ResponseAsync);
                }
            }
            else if (pick < 0.85)
            {
                await CallAsync("SearchRegistrations", () => registrations.SearchRegistrationsAsync(new SearchRegistrationsRequest
                {
                    Purpose = "负载测试 load test", FullName = "测试", PageSize = 20,
                }, headers, DateTime.UtcNow + CallDeadline).ResponseAsync);
            }
            else if (pick < 0.95)
            {
                await CallAsync("SubmitSearch", () => searches.SubmitSearchAsync(new Hsc.V1.SubmitSearchRequest
                {
                    PatientReference = $"LOAD-{index}-{random.Next(1000)}", PatientTyping = PatientTypings[random.Next(PatientTypings.Length)],
                    Criteria = new Hsc.V1.SearchCriteria { TotalMismatches = 2, PerLocusMismatches = 1, IncludeC = true, IncludeDqb1 = true },
                }, callers.HscCoordinator, DateTime.UtcNow + CallDeadline).ResponseAsync);
            }
            else
            {
                var week = (From: today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), To: today.AddDays(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                await CallAsync("ListVisits", () => visits.ListVisitsAsync(new FamilyCare.V1.ListVisitsRequest { FromDate = week.From, ToDate = week.To },
                    callers.CareWorker, DateTime.UtcNow + CallDeadline).ResponseAsync);
                await CallAsync("ListDueItems", () => visits.ListDueItemsAsync(new FamilyCare.V1.ListDueItemsRequest(),
                    callers.CareWorker, DateTime.UtcNow + CallDeadline).ResponseAsync);
            }
        }
    }

    private async Task<T?> CallAsync<T>(string rpc, Func<Task<T>> call) where T : class
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await call();
            stats.Succeeded(rpc, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (RpcException ex)
        {
            stats.Failed(rpc, ex.StatusCode);
            return null;
        }
    }

    private EnrollHscVolunteerRequest Enrolment(DateOnly today) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        RegistrationPoint = callers.ClerkPoint,
        Person = Person(today),
        Consents = new Consents { SensitiveData = true, TransferToProvincialCentre = true },
    };

    private CreateRegistrationRequest Draft(DateOnly today)
    {
        var registration = new DonationRegistry.Registration.V1.Registration
        {
            RegistrationPoint = callers.ClerkPoint,
            Channel = Channel.AuthorisedPoint,
            Programme = Programme.Organ,
            Person = Person(today),
            NotificationContact = new Contact { FullName = "李四", Relation = "配偶", Phone = "13900139000" },
            Consents = new Consents { SensitiveData = true, TransferToProvincialCentre = true },
        };
        registration.Scope.AddRange([DonationScope.Kidney, DonationScope.Liver]);
        return new CreateRegistrationRequest { RequestId = Guid.NewGuid().ToString(), Registration = registration };
    }

    private static Person Person(DateOnly today) => new()
    {
        FullName = "测试" + (char)('甲' + Random.Shared.Next(10)),
        IdType = IdType.ResidentId,
        IdNumber = IdNumbers.Next(today),
        Phone = "13800138000",
        Address = "杭州市西湖区文三路 100 号",
    };
}
