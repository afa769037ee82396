using DonationRegistry.Hla;
using DonationRegistry.Hsc.Application;
using DonationRegistry.Hsc.Application.Requests;
using DonationRegistry.Hsc.Domain.Requests;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace DonationRegistry.Hsc.Grpc;

/// <summary>Domain ↔ message translation for the DonorRequests API.</summary>
public static class DonorRequestMapping
{
    public static V1.DonorRequest ToMessage(DonorRequest request)
    {
        var message = new V1.DonorRequest
        {
            Name = DonorRequestNames.Format(request.Id),
            Donor = ResourceNames.Donor(request.DonorId),
            DonorRegion = request.DonorRegion,
            Search = ResourceNames.Search(request.SearchId),
            PatientReference = request.PatientReference,
            TransplantCentre = request.TransplantCentre,
            CityRegion = request.CityRegion,
            Status = (V1.DonorRequestStatus)(int)request.Status,
            Selection = (V1.DonorSelection)(int)request.Selection,
            StatusReason = request.StatusReason ?? "",
            OpenedBy = request.OpenedBy,
            OpenTime = Timestamp.FromDateTimeOffset(request.OpenedAt),
            SampleRequestTime = Time(request.SampleRequestedAt),
            ConfirmatorySampleId = request.ConfirmatorySampleId ?? "",
            SampleReceiveTime = Time(request.SampleReceivedAt),
            ConfirmatoryTyping = request.ConfirmatoryTypingId is { } t ? ResourceNames.Typing(request.DonorId, t) : "",
            SelectTime = Time(request.SelectedAt),
            CollectionCase = request.CollectionCaseId is { } c ? $"collectionCases/{c}" : "",
            CloseTime = Time(request.ClosedAt),
            UpdateTime = Timestamp.FromDateTimeOffset(request.UpdatedAt),
            Etag = DonorRequestCommands.ETag(request),
        };
        message.AllowedTriggers.AddRange(request.AllowedTriggers.Select(x => x.ToString()));
        message.Attempts.AddRange(request.Attempts.OrderBy(a => a.At).Select(a => new V1.ReContactAttempt
        {
            AttemptTime = Timestamp.FromDateTimeOffset(a.At),
            RecordedBy = a.ByUserId,
            RecorderRole = a.ByRole,
            RecorderOrganisation = a.ByOrgId ?? "",
            Channel = (V1.ContactChannel)(int)a.Channel,
            Outcome = (V1.ReContactOutcome)(int)a.Outcome,
        }));
        if (request.Comparison is { } comparison)
        {
            var result = new V1.ConfirmatoryComparison
            {
                TotalMatches = comparison.TotalMatches,
                MinimumMatches = comparison.MinimumMatches,
                Passed = comparison.Passed,
                Release = comparison.Release,
                CompareTime = Time(request.ComparedAt),
            };
            result.Loci.AddRange(comparison.Loci.Select(l =>
            {
                var locus = new V1.ConfirmatoryLocus { Locus = Loci.Name(l.Locus), MatchCount = l.MatchCount, Typed = l.Typed };
                locus.Grades.AddRange(new[] { l.Grade1, l.Grade2 }.Where(g => g is not null).Select(g => SearchMapping.ToMessage(g)));
                return locus;
            }));
            message.Comparison = result;
        }
        return message;
    }

    public static DonorRequestStatus? ToDomain(V1.DonorRequestStatus status) =>
        status == V1.DonorRequestStatus.Unspecified ? null
            : Enum.IsDefined((DonorRequestStatus)(int)status) ? (DonorRequestStatus)(int)status
            : throw new Common.Errors.ValidationFailedException("status", "Unknown donor request status.");

    public static ContactChannel? ToDomain(V1.ContactChannel channel) =>
        channel == V1.ContactChannel.Unspecified ? null : (ContactChannel)(int)channel;

    public static ReContactOutcome? ToDomain(V1.ReContactOutcome outcome) =>
        outcome == V1.ReContactOutcome.Unspecified ? null : (ReContactOutcome)(int)outcome;

    /// <summary>True when received, false when requested, null when not given or unknown.</summary>
    public static bool? ToDomain(V1.ConfirmatorySampleStage stage) => stage switch
    {
        V1.ConfirmatorySampleStage.ConfirmatorySampleRequested => false,
        V1.ConfirmatorySampleStage.ConfirmatorySampleReceived => true,
        _ => null,
    };

    public static DonorSelection ToDomain(V1.DonorSelection selection) => (DonorSelection)(int)selection;

    private static Timestamp? Time(DateTimeOffset? at) => at is { } t ? Timestamp.FromDateTimeOffset(t) : null;
}
