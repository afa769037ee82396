using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using DonationRegistry.Registration.V1;
using DonationRegistry.SystemTests;
using Grpc.Core;
using Grpc.Net.Client;

namespace DonationRegistry.Load;

/// <summary>
/// The mix each client runs, as the demo clerk of a registration point (登记站): 40 % HSC enrolments (EnrollHscVolunteer — the event
/// flows to Hsc), 30 % organ-donation registrations (CreateRegistration, a Draft), 15 % case steps on one of its own drafts
/// (RecordWitnessing, then ForwardRegistration), 15 % searches (SearchRegistrations by name prefix). Paced to the target rate
/// (spread over the clients) or as fast as possible. Each client has its own HTTP/2 connection.
/// </summary>
internal sealed class MixRunner(Func<GrpcChannel> channel, Metadata headers, string point, RpcStats stats, EventLatencyProbe probe)
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    public async Task RunAsync(int clients, double targetRate, CancellationToken stop)
    {
        var interval = targetRate > 0 ? TimeSpan.FromSeconds(clients / targetRate) : TimeSpan.Zero;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => ClientAsync(i, interval, stop), CancellationToken.None)));
    }

    private async Task ClientAsync(int index, TimeSpan interval, CancellationToken stop)
    {
        using var ownChannel = channel();
        var registrations = new Registrations.RegistrationsClient(ownChannel);
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
            var pick = random.NextDouble();
            if (pick < 0.40)
            {
                var enrolment = await CallAsync("EnrollHscVolunteer", () => registrations.EnrollHscVolunteerAsync(Enrolment(today), headers,
                    DateTime.UtcNow + CallDeadline).ResponseAsync);
                if (enrolment is not null)
                {
                    probe.Acknowledged(Guid.Parse(enrolment.VolunteerId));
                }
            }
            else if (pick < 0.70 || (pick < 0.85 && drafts.Count == 0))
            {
                var created = await CallAsync("CreateRegistration", () => registrations.CreateRegistrationAsync(Draft(today), headers,
                    DateTime.UtcNow + CallDeadline).ResponseAsync);
                if (created is not null && drafts.Count < 100)
                {
                    drafts.Enqueue(created);
                }
            }
            else if (pick < 0.85)
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
            else
            {
                await CallAsync("SearchRegistrations", () => registrations.SearchRegistrationsAsync(new SearchRegistrationsRequest
                {
                    Purpose = "负载测试 load test", FullName = "测试", PageSize = 20,
                }, headers, DateTime.UtcNow + CallDeadline).ResponseAsync);
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
        RegistrationPoint = point,
        Person = Person(today),
        Consents = new Consents { SensitiveData = true, TransferToProvincialCentre = true },
    };

    private CreateRegistrationRequest Draft(DateOnly today)
    {
        var registration = new DonationRegistry.Registration.V1.Registration
        {
            RegistrationPoint = point,
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
