using DonationRegistry.Registration.V1;
using Grpc.Core;

namespace DonationRegistry.SystemTests.Faults;

/// <summary>
/// Steady HSC-enrolment load (登记 → 造血干细胞入库) from many clients while a fault is injected. Each client enrols volunteer after
/// volunteer; a failed call is retried with the same request_id (as a real client would) until it is acknowledged, so every
/// request ends acknowledged and the reconciliation can look for each one downstream.
/// </summary>
public sealed class EnrolmentLoad(Registrations.RegistrationsClient registrations, string point)
{
    /// <summary>
    /// The client's patience per call. Generous: on the shared 2-core machine (load 40–85) a call can wait more than 20 s for a
    /// core, and a deadline the client gives up on says nothing about the fault.
    /// </summary>
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Runs <paramref name="load"/>'s clients; after its Before runs <paramref name="fault"/> (which ends when the system was put
    /// back, e.g. a restart returned); keeps issuing new requests for its After more, then lets each client finish its current
    /// request (retrying for at most <paramref name="retryFor"/>).
    /// </summary>
    public async Task<LoadOutcome> RunAsync(ScenarioLoad load, Func<Task> fault, TimeSpan retryFor)
    {
        var outcome = new LoadOutcome { Target = load };
        using var stopIssuing = new CancellationTokenSource();
        // Paced: each client issues one request every Clients/Rate seconds, staggered; a client behind its pace (a slow answer,
        // retries) goes on at once but does not catch up, so the rate reported is the one the system sustained.
        var interval = load.Rate > 0 ? TimeSpan.FromSeconds(load.Clients / load.Rate) : TimeSpan.Zero;
        var clients = Enumerable.Range(0, load.Clients).Select(c =>
            Task.Run(() => ClientAsync(outcome, interval * c / load.Clients, interval, retryFor, stopIssuing.Token)));
        var running = Task.WhenAll(clients);
        await Task.Delay(load.Before);
        outcome.FaultStarted = outcome.Clock.Elapsed;
        await fault();
        outcome.FaultEnded = outcome.Clock.Elapsed;
        await Task.Delay(load.After);
        outcome.StoppedIssuing = outcome.Clock.Elapsed;
        await stopIssuing.CancelAsync();
        await running;
        outcome.LoadEnded = outcome.Clock.Elapsed;
        return outcome;
    }

    private async Task ClientAsync(LoadOutcome outcome, TimeSpan offset, TimeSpan interval, TimeSpan retryFor, CancellationToken stopIssuing)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var next = outcome.Clock.Elapsed + offset;
        while (!stopIssuing.IsCancellationRequested)
        {
            var wait = next - outcome.Clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stopIssuing);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            next = Max(next + interval, outcome.Clock.Elapsed);
            var request = new EnrollHscVolunteerRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                RegistrationPoint = point,
                Person = new Person
                {
                    FullName = "负载测试", IdType = IdType.ResidentId, IdNumber = IdNumbers.Next(today), Phone = "13800138000",
                    Address = "杭州市西湖区文三路 100 号",
                },
                Consents = new Consents { SensitiveData = true, TransferToProvincialCentre = true },
            };
            await EnrolUntilAcknowledgedAsync(outcome, request, retryFor);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private async Task EnrolUntilAcknowledgedAsync(LoadOutcome outcome, EnrollHscVolunteerRequest request, TimeSpan retryFor)
    {
        var giveUpAt = outcome.Clock.Elapsed + retryFor;
        var firstTry = outcome.Clock.Elapsed;
        while (true)
        {
            try
            {
                var enrolment = await registrations.EnrollHscVolunteerAsync(request, deadline: DateTime.UtcNow + CallDeadline);
                outcome.Acknowledge(Guid.Parse(request.RequestId), Guid.Parse(enrolment.VolunteerId), firstTry, outcome.Clock.Elapsed);
                return;
            }
            catch (RpcException ex)
            {
                outcome.Fail(Guid.Parse(request.RequestId), ex.StatusCode);
                if (outcome.Clock.Elapsed > giveUpAt)
                {
                    outcome.GiveUp(Guid.Parse(request.RequestId));
                    return;
                }
                await Task.Delay(RetryPause);
            }
        }
    }
}
