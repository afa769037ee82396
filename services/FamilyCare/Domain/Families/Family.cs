namespace DonationRegistry.FamilyCare.Domain.Families;

/// <summary>
/// A donor family in the 小桔灯 programme. Referred by a completed donation (pseudonymous donor id only), enrolled only once the
/// family's consent is recorded; members may be recorded only while enrolled. Withdrawing consent erases the members (PIPL Art 47).
/// </summary>
public sealed class Family
{
    private readonly List<ChildMember> _children = [];
    private readonly List<ElderMember> _elders = [];

    private Family()
    {
        Region = "";
    }

    public Guid Id { get; private set; }
    /// <summary>
    /// The pseudonymous reference from the completion event (the family reference of an organ, body or tissue case; the donor id of an
    /// HSC donation) — never a name or ID number. One family per reference.
    /// </summary>
    public Guid Reference { get; private set; }
    /// <summary>The completed case that referred the family (for the record; HSC referrals have none).</summary>
    public Guid? CaseId { get; private set; }
    public ReferralSource Source { get; private set; }
    /// <summary>The county/district code the family lives in (GB/T 2260); staff regions must contain it.</summary>
    public string Region { get; private set; }
    public DateTimeOffset ReferredAt { get; private set; }
    /// <summary>Whether the donor or family agreed, at the time of donation, to be contacted by care staff.</summary>
    public bool CareContactAgreed { get; private set; }
    public FamilyStatus Status { get; private set; }
    public DateTimeOffset? ConsentRecordedAt { get; private set; }
    /// <summary>Already covered by civil-affairs assistance: flagged so visits are not duplicated.</summary>
    public bool CivilAffairsAssistance { get; private set; }
    public ContactPerson? Contact { get; private set; }
    public IReadOnlyList<ChildMember> Children => _children;
    public IReadOnlyList<ElderMember> Elders => _elders;

    public static Family Refer(Guid id, ReferralSource source, Guid reference, Guid? caseId, string region, bool careContactAgreed,
        DateTimeOffset at)
    {
        if (!RegionCodes.IsZhejiang(region))
        {
            throw new ValidationFailedException("region", $"'{region}' is not a Zhejiang region code.");
        }
        if (reference == Guid.Empty)
        {
            throw new ValidationFailedException("reference", "A referral needs the pseudonymous family or donor reference.");
        }
        return new Family
        {
            Id = id, Source = source, Reference = reference, CaseId = caseId, Region = region, CareContactAgreed = careContactAgreed,
            ReferredAt = at, Status = FamilyStatus.Referred,
        };
    }

    /// <summary>Records the family's consent to care: Referred → Enrolled.</summary>
    public void RecordConsent(DateTimeOffset at)
    {
        EnsureStatus(FamilyStatus.Referred, "RecordConsent");
        Status = FamilyStatus.Enrolled;
        ConsentRecordedAt = at;
    }

    /// <summary>The family declines or withdraws consent: members are erased, only the referral stays as a record.</summary>
    public void Withdraw()
    {
        if (Status == FamilyStatus.Withdrawn)
        {
            throw Illegal("Withdraw");
        }
        Status = FamilyStatus.Withdrawn;
        _children.Clear();
        _elders.Clear();
        Contact = null;
    }

    public void SetContact(ContactPerson contact)
    {
        EnsureEnrolled();
        Contact = contact;
    }

    public void SetCivilAffairsAssistance(bool covered)
    {
        EnsureEnrolled();
        CivilAffairsAssistance = covered;
    }

    /// <summary>Adds a child with name and birth date only (all that may be stored before a guardian consents).</summary>
    public ChildMember AddChild(Guid id, string name, DateOnly birthDate)
    {
        EnsureEnrolled();
        var child = new ChildMember(id, name, birthDate);
        _children.Add(child);
        return child;
    }

    public void RecordGuardianConsent(Guid childId, string guardianName, DateTimeOffset at)
    {
        EnsureEnrolled();
        Child(childId).RecordGuardianConsent(guardianName, at);
    }

    /// <summary>School and stage: refused for a child under 14 without the guardian's consent.</summary>
    public void RecordSchooling(Guid childId, string school, SchoolStage stage, DateOnly today)
    {
        EnsureEnrolled();
        Child(childId).RecordSchooling(school, stage, today);
    }

    public ElderMember AddElder(Guid id, string name, int age, string health, LivingSituation livingSituation)
    {
        EnsureEnrolled();
        var elder = new ElderMember(id, name, age, health, livingSituation);
        _elders.Add(elder);
        return elder;
    }

    public ChildMember Child(Guid childId) =>
        _children.FirstOrDefault(c => c.Id == childId) ?? throw new NotFoundException("child", childId.ToString());

    /// <summary>Throws FAMILY_NOT_ENROLLED unless the family's consent is on record.</summary>
    public void EnsureEnrolled()
    {
        if (Status != FamilyStatus.Enrolled)
        {
            throw new CareRuleException(CareRules.FamilyNotEnrolled,
                $"Family {Id} is {Status}: record the family's consent before storing member data or planning care.",
                "该家庭尚未同意纳入关爱：须先记录家庭同意。");
        }
    }

    private void EnsureStatus(FamilyStatus expected, string trigger)
    {
        if (Status != expected)
        {
            throw Illegal(trigger);
        }
    }

    private IllegalTransitionException Illegal(string trigger) => new(Status.ToString(), trigger,
        Status switch
        {
            FamilyStatus.Referred => ["RecordConsent", "Withdraw"],
            FamilyStatus.Enrolled => ["Withdraw"],
            _ => [],
        },
        $"家庭当前状态为“{Status}”，不能执行“{trigger}”。");
}
