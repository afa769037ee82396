using DonationRegistry.Common;
using DonationRegistry.Hla;
using DonationRegistry.Hsc.Domain.Requests;

namespace DonationRegistry.Hsc.Domain.Tests.Requests;

/// <summary>Donor requests in a given state, reached through the aggregate's own methods.</summary>
public static class RequestBuilder
{
    public static readonly DateTimeOffset At = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    public static readonly Actor Coordinator = new("u-hsc", "hsc_coordinator", "RC-330200", "330200");
    public static readonly Actor LocalOfficer = new("u-local", "local_officer", "RC-330106", "330106");

    public static DonorRequest Open(Guid? donorId = null) =>
        new(Guid.CreateVersion7(), donorId ?? Guid.NewGuid(), "330106", Guid.NewGuid(), "TC-0001", "浙大一院移植中心", "330200", Coordinator, At);

    public static ReContactAttempt Attempt(ReContactOutcome outcome, ContactChannel channel = ContactChannel.Phone) =>
        new(Guid.CreateVersion7(), At, LocalOfficer.UserId, LocalOfficer.Role, LocalOfficer.OrgId, channel, outcome);

    /// <summary>A comparison with <paramref name="matches"/> of 10 (mismatches at A, then B, …) under <paramref name="minimum"/>.</summary>
    public static ConfirmatoryComparison Comparison(int matches, int minimum = 8)
    {
        var missing = 10 - matches;
        var loci = ConfirmatoryComparison.ComparedLoci.Select(locus =>
        {
            var lost = Math.Min(2, missing);
            missing -= lost;
            return new LocusComparison(locus, 2 - lost, true, MatchGrade.GDna, lost == 0 ? MatchGrade.GDna : MatchGrade.Mismatch);
        }).ToList();
        return new ConfirmatoryComparison(loci, minimum, "3.58.0");
    }

    /// <summary>A request brought to <paramref name="state"/> along the workflow.</summary>
    public static DonorRequest In(DonorRequestStatus state, Guid? donorId = null)
    {
        var request = Open(donorId);
        var path = new List<Action>
        {
            () => request.RecordReContact(Attempt(ReContactOutcome.Willing), 5),
            () => request.RequestSample(At),
            () => request.ReceiveSample("CT-1", At),
            () => request.RecordConfirmatoryResult(Guid.NewGuid(), Comparison(10), At),
            () => request.Select(DonorSelection.Primary, At),
            () => request.StartCollection(Guid.NewGuid(), At),
            () => request.Finish(true, "", At),
        };
        var order = new[]
        {
            DonorRequestStatus.Open, DonorRequestStatus.Willing, DonorRequestStatus.SampleRequested, DonorRequestStatus.SampleReceived,
            DonorRequestStatus.Passed, DonorRequestStatus.Selected, DonorRequestStatus.InCollection, DonorRequestStatus.Completed,
        };
        switch (state)
        {
            case DonorRequestStatus.Failed:
                request = In(DonorRequestStatus.SampleReceived, donorId);
                request.RecordConfirmatoryResult(Guid.NewGuid(), Comparison(7), At);
                return request;
            case DonorRequestStatus.Cancelled:
                request.Cancel("patient-condition", At);
                return request;
            case DonorRequestStatus.Declined:
                request.RecordReContact(Attempt(ReContactOutcome.Declined), 5);
                return request;
            case DonorRequestStatus.ContactFailed:
                request.RecordReContact(Attempt(ReContactOutcome.Unreachable), 1);
                return request;
        }
        foreach (var step in path.Take(Array.IndexOf(order, state)))
        {
            step();
        }
        return request;
    }
}
