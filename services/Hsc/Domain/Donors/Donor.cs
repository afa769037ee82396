using DonationRegistry.Common.Errors;
using DonationRegistry.Common.PersonalData;

namespace DonationRegistry.Hsc.Domain.Donors;

/// <summary>
/// An HSC donor in the pool. Identified by the pseudonymous volunteer id the Registration service assigned; the HSC service holds no
/// name and no ID number, only what matching and filtering need (birth year, sex, region, ABO, CMV) and the typing history.
/// Every state change goes through <see cref="DonorLifecycle"/>.
/// </summary>
public sealed class Donor
{
    private Donor()
    {
    }

    public Donor(Guid id, Guid pointId, string regionCode, int birthYear, Sex sex, DateTimeOffset enrolledAt)
    {
        Id = id;
        PointId = pointId;
        RegionCode = regionCode;
        BirthYear = birthYear;
        Sex = sex;
        EnrolledAt = enrolledAt;
        Status = DonorStatus.Enrolled;
        UpdatedAt = enrolledAt;
    }

    /// <summary>The volunteer id from HscVolunteerEnrolled (pseudonymous).</summary>
    public Guid Id { get; private set; }
    /// <summary>The registration point that enrolled the donor.</summary>
    public Guid PointId { get; private set; }
    /// <summary>GB/T 2260 code of the point's region (county or city); access is scoped by it.</summary>
    public string RegionCode { get; private set; } = "";
    public int BirthYear { get; private set; }
    public Sex Sex { get; private set; }
    public DonorStatus Status { get; private set; }
    /// <summary>Set while <see cref="DonorStatus.TemporarilyDeferred"/>: the last day of the deferral.</summary>
    public DateOnly? DeferredUntil { get; private set; }
    /// <summary>Reason code of the last deferral, withdrawal or permanent deferral.</summary>
    public string? StatusReason { get; private set; }
    public AboGroup Abo { get; private set; }
    public CmvStatus Cmv { get; private set; }
    public DateTimeOffset EnrolledAt { get; private set; }
    public DateTimeOffset? SampleCollectedAt { get; private set; }
    /// <summary>The laboratory's sample reference (matches HML sample ids and CSV rows).</summary>
    public string? SampleId { get; private set; }
    /// <summary>The current typing (the latest recorded, not superseded).</summary>
    public Guid? CurrentTypingId { get; private set; }
    /// <summary>Last change of anything the search index holds; other replicas poll it (change feed).</summary>
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>PostgreSQL xmin, for optimistic concurrency.</summary>
    public uint Version { get; private set; }

    /// <summary>True when the donor belongs in search results.</summary>
    public bool IsSearchable => Status == DonorStatus.Available && CurrentTypingId is not null;

    public void RecordSample(string sampleId, DateTimeOffset at)
    {
        Fire(DonorTrigger.RecordSample, at);
        SampleId = sampleId;
        SampleCollectedAt = at;
    }

    /// <summary>
    /// Makes <paramref name="typingId"/> the current typing; when it covers A, B and DRB1 (<paramref name="searchable"/>) a donor
    /// who was only Typed becomes Available.
    /// </summary>
    public void RecordTyping(Guid typingId, bool searchable, DateTimeOffset at)
    {
        Fire(DonorTrigger.RecordTyping, at);
        CurrentTypingId = typingId;
        if (searchable && Status == DonorStatus.Typed)
        {
            Fire(DonorTrigger.MakeAvailable, at);
        }
    }

    public void Defer(DateOnly until, string reason, DateOnly today, DateTimeOffset at)
    {
        if (until < today)
        {
            throw new ValidationFailedException("until", "The deferral must end today or later.", "暂缓截止日期不能早于今天。");
        }
        Fire(DonorTrigger.Defer, at);
        DeferredUntil = until;
        StatusReason = reason;
    }

    public void Reinstate(DateTimeOffset at)
    {
        Fire(DonorTrigger.Reinstate, at);
        DeferredUntil = null;
        StatusReason = null;
    }

    public void Reserve(DateTimeOffset at) => Fire(DonorTrigger.Reserve, at);

    public void Release(DateTimeOffset at) => Fire(DonorTrigger.Release, at);

    public void RecordDonation(DateTimeOffset at) => Fire(DonorTrigger.RecordDonation, at);

    /// <summary>Back into the pool after a donation.</summary>
    public void MakeAvailable(DateTimeOffset at) => Fire(DonorTrigger.MakeAvailable, at);

    public void PermanentlyDefer(string reason, DateTimeOffset at)
    {
        Fire(DonorTrigger.PermanentlyDefer, at);
        StatusReason = reason;
        DeferredUntil = null;
    }

    public void Withdraw(string reason, DateTimeOffset at)
    {
        Fire(DonorTrigger.Withdraw, at);
        StatusReason = reason;
        DeferredUntil = null;
    }

    /// <summary>Ages the donor out when past <paramref name="maximumAge"/> on <paramref name="today"/>; returns whether it did.</summary>
    public bool AgeOutIfDue(DateOnly today, int maximumAge, DateTimeOffset at)
    {
        if (DonorLifecycle.Final.Contains(Status) || !DonorAge.IsAgedOut(BirthYear, today, maximumAge))
        {
            return false;
        }
        Fire(DonorTrigger.AgeOut, at);
        DeferredUntil = null;
        return true;
    }

    public void SetAttributes(AboGroup? abo, CmvStatus? cmv, DateTimeOffset at)
    {
        if (DonorLifecycle.Final.Contains(Status))
        {
            throw new IllegalTransitionException(Status.ToString(), "SetDonorAttributes", [], $"捐献者当前状态为“{Status}”，不能修改。");
        }
        Abo = abo ?? Abo;
        Cmv = cmv ?? Cmv;
        UpdatedAt = at;
    }

    private void Fire(DonorTrigger trigger, DateTimeOffset at)
    {
        DonorLifecycle.For(() => Status, s => Status = s).Fire(trigger);
        UpdatedAt = at;
    }
}
