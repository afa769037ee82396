using DonationRegistry.Common;
using DonationRegistry.Common.Errors;

namespace DonationRegistry.Hsc.Domain.Requests;

/// <summary>
/// A coordinator's request for one donor for one patient (供者申请), opened from a stored search's result: re-contact (再动员) with
/// every attempt logged, confirmatory typing (确认配型) compared with the patient at 10 loci, selection as primary or back-up, then
/// the collection case. The patient is known only by the transplant centre's pseudonymous reference. While active the request holds
/// the donor (Reserved). Every state change goes through <see cref="DonorRequestLifecycle"/>.
/// </summary>
public sealed class DonorRequest
{
    public const int MaxReasonLength = 200;
    public const int MaxCentreLength = 100;

    private readonly List<ReContactAttempt> _attempts = [];

    private DonorRequest()
    {
    }

    public DonorRequest(Guid id, Guid donorId, string donorRegion, Guid searchId, string patientReference, string transplantCentre,
        string cityRegion, Actor openedBy, DateTimeOffset at)
    {
        var v = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(transplantCentre) || transplantCentre.Trim().Length > MaxCentreLength)
        {
            v.Add(new FieldViolation("transplant_centre", $"Name the transplant centre (1–{MaxCentreLength} characters)."));
        }
        if (!RegionCodes.IsZhejiang(cityRegion) || cityRegion == RegionCodes.Province || RegionCodes.CityOf(cityRegion) != cityRegion)
        {
            v.Add(new FieldViolation("city_region", $"'{cityRegion}': expected the six-digit code of a Zhejiang city, e.g. 330200."));
        }
        if (v.Count > 0)
        {
            throw new ValidationFailedException(v, "申请信息有误，请检查标出的字段。");
        }
        Id = id;
        DonorId = donorId;
        DonorRegion = donorRegion;
        SearchId = searchId;
        PatientReference = patientReference;
        TransplantCentre = transplantCentre.Trim();
        CityRegion = cityRegion;
        OpenedBy = openedBy.UserId;
        OpenedAt = at;
        UpdatedAt = at;
        Status = DonorRequestStatus.Open;
    }

    public Guid Id { get; private set; }
    /// <summary>The donor (pseudonymous volunteer id).</summary>
    public Guid DonorId { get; private set; }
    /// <summary>The donor's region when the request was opened: the local Red Cross of this region re-contacts the donor.</summary>
    public string DonorRegion { get; private set; } = "";
    /// <summary>The stored search the donor was picked from (its patient typing is the one compared).</summary>
    public Guid SearchId { get; private set; }
    /// <summary>The transplant centre's pseudonymous patient reference (no names).</summary>
    public string PatientReference { get; private set; } = "";
    /// <summary>The transplant centre asking for the donor.</summary>
    public string TransplantCentre { get; private set; } = "";
    /// <summary>Six-digit region code of the requesting city Red Cross; its HSC coordinators drive the request.</summary>
    public string CityRegion { get; private set; } = "";
    public DonorRequestStatus Status { get; private set; }
    public DonorSelection Selection { get; private set; }
    /// <summary>Reason code of a cancellation, decline or failure.</summary>
    public string? StatusReason { get; private set; }
    public string OpenedBy { get; private set; } = "";
    public DateTimeOffset OpenedAt { get; private set; }
    public IReadOnlyList<ReContactAttempt> Attempts => _attempts;
    public DateTimeOffset? SampleRequestedAt { get; private set; }
    /// <summary>The laboratory's reference of the confirmatory sample.</summary>
    public string? ConfirmatorySampleId { get; private set; }
    public DateTimeOffset? SampleReceivedAt { get; private set; }
    /// <summary>The confirmatory typing, stored among the donor's typings.</summary>
    public Guid? ConfirmatoryTypingId { get; private set; }
    public ConfirmatoryComparison? Comparison { get; private set; }
    public DateTimeOffset? ComparedAt { get; private set; }
    public DateTimeOffset? SelectedAt { get; private set; }
    /// <summary>The collection case opened for the request (brief A's aggregate).</summary>
    public Guid? CollectionCaseId { get; private set; }
    public DateTimeOffset? CollectionStartedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>PostgreSQL xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    /// <summary>Whether the request holds the donor (any state that is not final).</summary>
    public bool HoldsDonor => !DonorRequestLifecycle.Final.Contains(Status);

    /// <summary>The triggers the state allows now.</summary>
    public IReadOnlyList<DonorRequestTrigger> AllowedTriggers => DonorRequestLifecycle.AllowedIn(Status);

    /// <summary>Attempts without a decision since the request opened.</summary>
    public int UndecidedAttempts => _attempts.Count(a => a.IsUndecided);

    /// <summary>
    /// Logs a re-contact attempt and applies its outcome: Willing moves on, Declined ends the request, an undecided attempt keeps it
    /// open until <paramref name="maxUndecidedAttempts"/> are logged (then ContactFailed). After the donor was found willing only a
    /// decline (悔捐) may be logged.
    /// </summary>
    public void RecordReContact(ReContactAttempt attempt, int maxUndecidedAttempts)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var trigger = attempt.Outcome switch
        {
            ReContactOutcome.Willing => DonorRequestTrigger.ConfirmWilling,
            ReContactOutcome.Declined => DonorRequestTrigger.Decline,
            ReContactOutcome.Unreachable or ReContactOutcome.TemporarilyUnavailable => DonorRequestTrigger.RecordNoDecision,
            _ => throw new ValidationFailedException("outcome", $"'{attempt.Outcome}': not an outcome."),
        };
        Fire(trigger, attempt.At);
        _attempts.Add(attempt);
        if (attempt.Outcome == ReContactOutcome.Declined)
        {
            Close("donor-declined", attempt.At);
        }
        else if (attempt.IsUndecided && UndecidedAttempts >= maxUndecidedAttempts)
        {
            Fire(DonorRequestTrigger.GiveUpContact, attempt.At);
            Close($"no decision after {UndecidedAttempts} attempts", attempt.At);
        }
    }

    public void RequestSample(DateTimeOffset at)
    {
        Fire(DonorRequestTrigger.RequestSample, at);
        SampleRequestedAt = at;
    }

    public void ReceiveSample(string sampleId, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(sampleId) || sampleId.Length > 64)
        {
            throw new ValidationFailedException("sample_id", "Give the laboratory's sample id (1–64 characters).", "请填写样本编号。");
        }
        Fire(DonorRequestTrigger.ReceiveSample, at);
        ConfirmatorySampleId = sampleId;
        SampleReceivedAt = at;
    }

    /// <summary>Records the confirmatory typing and its comparison; Passed or Failed by the comparison's threshold.</summary>
    public void RecordConfirmatoryResult(Guid typingId, ConfirmatoryComparison comparison, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (comparison.MinimumMatches is < ConfirmatoryComparison.LowestMinimum or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(comparison), comparison.MinimumMatches, "The threshold must be 8–10.");
        }
        Fire(comparison.Passed ? DonorRequestTrigger.PassConfirmatory : DonorRequestTrigger.FailConfirmatory, at);
        ConfirmatoryTypingId = typingId;
        Comparison = comparison;
        ComparedAt = at;
        if (!comparison.Passed)
        {
            Close($"confirmatory typing {comparison} below {comparison.MinimumMatches}/10", at);
        }
    }

    public void Select(DonorSelection selection, DateTimeOffset at)
    {
        if (selection is not (DonorSelection.Primary or DonorSelection.Backup))
        {
            throw new ValidationFailedException("selection", "Choose PRIMARY or BACKUP.", "请选择首选或备选。");
        }
        Fire(DonorRequestTrigger.Select, at);
        Selection = selection;
        SelectedAt = at;
    }

    /// <summary>A collection case was opened for the selected donor (Selected → InCollection).</summary>
    public void StartCollection(Guid collectionCaseId, DateTimeOffset at)
    {
        if (collectionCaseId == Guid.Empty)
        {
            throw new ValidationFailedException("collection_case", "Name the collection case.");
        }
        Fire(DonorRequestTrigger.StartCollection, at);
        CollectionCaseId = collectionCaseId;
        CollectionStartedAt = at;
    }

    /// <summary>The collection case ended: with a donation (Completed) or without (Cancelled with <paramref name="reason"/>).</summary>
    public void Finish(bool donated, string reason, DateTimeOffset at)
    {
        if (Status != DonorRequestStatus.InCollection)
        {
            // Only a request in collection can finish (Cancel alone is allowed earlier, but that is the coordinator's Cancel).
            throw new IllegalTransitionException(Status.ToString(), "Finish", [.. AllowedTriggers.Select(t => t.ToString())],
                $"申请当前状态为“{Status}”，不能结束采集。");
        }
        var why = CheckReason(reason, required: !donated);
        Fire(donated ? DonorRequestTrigger.Complete : DonorRequestTrigger.Cancel, at);
        Close(why ?? "donated", at);
    }

    /// <summary>The coordinator ends an active request (reason code required).</summary>
    public void Cancel(string reason, DateTimeOffset at)
    {
        var why = CheckReason(reason, required: true);
        Fire(DonorRequestTrigger.Cancel, at);
        Close(why!, at);
    }

    private static string? CheckReason(string? reason, bool required)
    {
        var text = reason?.Trim() ?? "";
        if ((required && text.Length == 0) || text.Length > MaxReasonLength)
        {
            throw new ValidationFailedException("reason", $"Give a reason code (1–{MaxReasonLength} characters).", "请填写原因。");
        }
        return text.Length == 0 ? null : text;
    }

    private void Close(string reason, DateTimeOffset at)
    {
        StatusReason = reason;
        ClosedAt = at;
    }

    private void Fire(DonorRequestTrigger trigger, DateTimeOffset at)
    {
        DonorRequestLifecycle.For(() => Status, s => Status = s).Fire(trigger);
        UpdatedAt = at;
    }
}
