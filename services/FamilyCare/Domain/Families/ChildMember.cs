namespace DonationRegistry.FamilyCare.Domain.Families;

/// <summary>
/// A donor's child. Until the child is 14, only the name and birth date may be stored before the guardian's separate consent is
/// recorded (PIPL Art 31); school and stage come after it.
/// </summary>
public sealed class ChildMember
{
    /// <summary>The age from which a child consents without a guardian (PIPL Art 31).</summary>
    public const int ConsentAge = 14;

    private ChildMember()
    {
        Name = "";
    }

    internal ChildMember(Guid id, string name, DateOnly birthDate)
    {
        Id = id;
        Name = name;
        BirthDate = birthDate;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public DateOnly BirthDate { get; private set; }
    public string? GuardianName { get; private set; }
    public DateTimeOffset? GuardianConsentAt { get; private set; }
    public string? School { get; private set; }
    public SchoolStage? Stage { get; private set; }

    /// <summary>Full years of age on <paramref name="day"/>.</summary>
    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > day ? age - 1 : age;
    }

    /// <summary>Whether more than name and birth date may be stored on <paramref name="day"/>.</summary>
    public bool MayStoreDetailsOn(DateOnly day) => GuardianConsentAt is not null || AgeOn(day) >= ConsentAge;

    internal void RecordGuardianConsent(string guardianName, DateTimeOffset at)
    {
        GuardianName = guardianName;
        GuardianConsentAt = at;
    }

    internal void RecordSchooling(string school, SchoolStage stage, DateOnly today)
    {
        EnsureDetailsAllowed(today);
        School = school;
        Stage = stage;
    }

    /// <summary>Throws GUARDIAN_CONSENT_REQUIRED when a child under 14 has no guardian consent on record.</summary>
    public void EnsureDetailsAllowed(DateOnly today)
    {
        if (!MayStoreDetailsOn(today))
        {
            throw new CareRuleException(CareRules.GuardianConsentRequired,
                $"Child {Id} is under {ConsentAge}: record the guardian's consent before storing anything beyond name and birth date.",
                "该儿童未满14周岁：须先记录监护人的单独同意，才能保存姓名和出生日期以外的信息。");
        }
    }
}
