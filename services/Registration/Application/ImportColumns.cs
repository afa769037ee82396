using DonationRegistry.Common.PersonalData;
using DonationRegistry.Registration.Domain.Registrations;

namespace DonationRegistry.Registration.Application;

/// <summary>
/// The columns of a registration drive's CSV, named as clerks' spreadsheets name them (docs in docs/registration-import.md), the
/// words accepted in each, and the API field each one feeds, so a violation found by the shared validation can be reported under
/// the header the clerk sees. Column order is free; unknown columns are ignored; headers are matched after trimming.
/// </summary>
public static class ImportColumns
{
    public const string FullName = "姓名";
    public const string IdType = "证件类型";
    public const string IdNumber = "证件号码";
    public const string BirthDate = "出生日期";
    public const string Sex = "性别";
    public const string Phone = "手机号码";
    public const string Address = "联系地址";
    public const string Programme = "捐献类型";
    public const string Scope = "捐献范围";
    public const string ContactName = "紧急联系人";
    public const string ContactRelation = "联系人关系";
    public const string ContactPhone = "联系人电话";
    public const string ExecutorKind = "执行人类型";
    public const string ExecutorName = "执行人姓名";
    public const string ExecutorPhone = "执行人电话";
    public const string SensitiveDataConsent = "敏感信息同意";
    public const string TransferConsent = "转交同意";

    /// <summary>Columns the file must have (a row may still leave optional ones empty).</summary>
    public static IReadOnlyList<string> Required { get; } = [FullName, IdNumber, Phone, Programme, Scope, SensitiveDataConsent, TransferConsent];

    /// <summary>Every column the import reads, in the order of the template.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        FullName, IdType, IdNumber, BirthDate, Sex, Phone, Address, Programme, Scope, ContactName, ContactRelation, ContactPhone,
        ExecutorKind, ExecutorName, ExecutorPhone, SensitiveDataConsent, TransferConsent,
    ];

    /// <summary>Separators accepted between scope items: ; ； 、 , ， / and spaces.</summary>
    public static IReadOnlyList<char> ScopeSeparators { get; } = [';', '；', '、', ',', '，', '/', ' '];

    public static IReadOnlyDictionary<string, IdType> IdTypes { get; } = new Dictionary<string, IdType>
    {
        ["居民身份证"] = Domain.Registrations.IdType.ResidentId,
        ["身份证"] = Domain.Registrations.IdType.ResidentId,
        ["护照"] = Domain.Registrations.IdType.Passport,
        ["港澳居民来往内地通行证"] = Domain.Registrations.IdType.HongKongMacauPermit,
        ["港澳通行证"] = Domain.Registrations.IdType.HongKongMacauPermit,
        ["回乡证"] = Domain.Registrations.IdType.HongKongMacauPermit,
        ["台湾居民来往大陆通行证"] = Domain.Registrations.IdType.TaiwanPermit,
        ["台胞证"] = Domain.Registrations.IdType.TaiwanPermit,
    };

    public static IReadOnlyDictionary<string, Sex> Sexes { get; } = new Dictionary<string, Sex>
    {
        ["男"] = Common.PersonalData.Sex.Male,
        ["女"] = Common.PersonalData.Sex.Female,
    };

    public static IReadOnlyDictionary<string, Programme> Programmes { get; } = new Dictionary<string, Programme>
    {
        ["器官"] = Domain.Registrations.Programme.Organ,
        ["人体器官"] = Domain.Registrations.Programme.Organ,
        ["器官捐献"] = Domain.Registrations.Programme.Organ,
        ["人体器官捐献"] = Domain.Registrations.Programme.Organ,
        ["遗体组织"] = Domain.Registrations.Programme.BodyAndTissue,
        ["遗体、组织"] = Domain.Registrations.Programme.BodyAndTissue,
        ["遗体和组织"] = Domain.Registrations.Programme.BodyAndTissue,
        ["遗体组织捐献"] = Domain.Registrations.Programme.BodyAndTissue,
        ["遗体、组织捐献"] = Domain.Registrations.Programme.BodyAndTissue,
    };

    public static IReadOnlyDictionary<string, DonationScope> Scopes { get; } = new Dictionary<string, DonationScope>
    {
        ["心脏"] = DonationScope.Heart,
        ["肺脏"] = DonationScope.Lung,
        ["肺"] = DonationScope.Lung,
        ["肝脏"] = DonationScope.Liver,
        ["肝"] = DonationScope.Liver,
        ["肾脏"] = DonationScope.Kidney,
        ["肾"] = DonationScope.Kidney,
        ["胰腺"] = DonationScope.Pancreas,
        ["小肠"] = DonationScope.SmallIntestine,
        ["全部器官"] = DonationScope.AllOrgans,
        ["所有器官"] = DonationScope.AllOrgans,
        ["遗体"] = DonationScope.Body,
        ["角膜"] = DonationScope.Cornea,
        ["眼角膜"] = DonationScope.Cornea,
        ["脑组织"] = DonationScope.BrainTissue,
        ["其他组织"] = DonationScope.OtherTissue,
    };

    public static IReadOnlyDictionary<string, ExecutorKind> ExecutorKinds { get; } = new Dictionary<string, ExecutorKind>
    {
        ["亲属"] = Domain.Registrations.ExecutorKind.Relative,
        ["近亲属"] = Domain.Registrations.ExecutorKind.Relative,
        ["工作单位"] = Domain.Registrations.ExecutorKind.Employer,
        ["单位"] = Domain.Registrations.ExecutorKind.Employer,
        ["居委会"] = Domain.Registrations.ExecutorKind.ResidentsCommittee,
        ["村委会"] = Domain.Registrations.ExecutorKind.ResidentsCommittee,
        ["居（村）委会"] = Domain.Registrations.ExecutorKind.ResidentsCommittee,
        ["养老机构"] = Domain.Registrations.ExecutorKind.ElderCareInstitution,
    };

    /// <summary>Yes / no in a consent column.</summary>
    public static IReadOnlyDictionary<string, bool> YesNo { get; } = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase)
    {
        ["是"] = true, ["同意"] = true, ["Y"] = true, ["YES"] = true, ["TRUE"] = true, ["1"] = true,
        ["否"] = false, ["不同意"] = false, ["N"] = false, ["NO"] = false, ["FALSE"] = false, ["0"] = false,
    };

    /// <summary>
    /// The CSV column for an API field path reported by the shared validation (e.g. <c>registration.person.id_number</c> → 证件号码);
    /// the path itself when no column feeds it.
    /// </summary>
    public static string ForField(string path)
    {
        foreach (var (suffix, column) in FieldColumns)
        {
            if (path == suffix || path.EndsWith("." + suffix, StringComparison.Ordinal))
            {
                return column;
            }
        }
        return path;
    }

    private static readonly (string Suffix, string Column)[] FieldColumns =
    [
        ("person.full_name", FullName),
        ("person.id_type", IdType),
        ("person.id_number", IdNumber),
        ("person.birth_date", BirthDate),
        ("person.sex", Sex),
        ("person.phone", Phone),
        ("person.address", Address),
        ("notification_contact.full_name", ContactName),
        ("notification_contact.relation", ContactRelation),
        ("notification_contact.phone", ContactPhone),
        ("notification_contact", ContactName),
        ("executor.kind", ExecutorKind),
        ("executor.name", ExecutorName),
        ("executor.phone", ExecutorPhone),
        ("executor", ExecutorName),
        ("consents.sensitive_data", SensitiveDataConsent),
        ("consents.transfer_to_provincial_centre", TransferConsent),
        ("consents", SensitiveDataConsent),
        ("programme", Programme),
        ("scope", Scope),
    ];
}
