using DonationRegistry.Hsc.Application;
using DonationRegistry.Hsc.Domain.Donors;
using DonationRegistry.Hsc.Domain.Typings;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Sex = DonationRegistry.Common.PersonalData.Sex;

namespace DonationRegistry.Hsc.Grpc;

/// <summary>Domain ↔ message translation for the DonorPool API.</summary>
public static class DonorMapping
{
    public static V1.Donor ToMessage(Donor donor, TypingRecord? typing) => new()
    {
        Name = ResourceNames.Donor(donor.Id),
        RegistrationPoint = $"registrationPoints/{donor.PointId}",
        RegionCode = donor.RegionCode,
        BirthYear = donor.BirthYear,
        Sex = ToMessage(donor.Sex),
        Status = (V1.DonorStatus)(int)donor.Status,
        DeferredUntil = donor.DeferredUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        StatusReason = donor.StatusReason ?? "",
        Abo = (V1.AboGroup)(int)donor.Abo,
        Cmv = (V1.CmvStatus)(int)donor.Cmv,
        SampleId = donor.SampleId ?? "",
        Typing = typing?.GlString ?? "",
        TypingRelease = typing?.Release ?? "",
        Searchable = donor.IsSearchable,
        AllowedTriggers = { DonorLifecycle.AllowedIn(donor.Status).Select(t => t.ToString()) },
        EnrolledAt = Timestamp.FromDateTimeOffset(donor.EnrolledAt),
        UpdateTime = Timestamp.FromDateTimeOffset(donor.UpdatedAt),
        Etag = DonorCommands.ETag(donor),
    };

    public static V1.TypingRecord ToMessage(TypingRecord typing, Guid? currentId) => new()
    {
        Name = ResourceNames.Typing(typing.DonorId, typing.Id),
        Source = (V1.TypingSource)(int)typing.Source,
        OriginalText = typing.OriginalText,
        GlString = typing.GlString,
        Method = (V1.TypingMethod)(int)typing.Method,
        Resolution = (V1.TypingResolution)(int)typing.Resolution,
        Release = typing.Release,
        LaboratoryRelease = typing.LaboratoryRelease ?? "",
        RecordTime = Timestamp.FromDateTimeOffset(typing.RecordedAt),
        RecordedBy = typing.RecordedBy,
        SupersedeTime = typing.SupersededAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        Current = typing.Id == currentId,
    };

    public static V1.Sex ToMessage(Sex sex) => sex switch
    {
        Sex.Male => V1.Sex.Male,
        Sex.Female => V1.Sex.Female,
        _ => V1.Sex.Unspecified,
    };

    public static DonorStatus? ToDomain(V1.DonorStatus status) =>
        status == V1.DonorStatus.Unspecified ? null : Enum.IsDefined((DonorStatus)(int)status) ? (DonorStatus)(int)status
            : throw new Common.Errors.ValidationFailedException("status", "Unknown donor status.");

    public static AboGroup? ToDomain(V1.AboGroup abo, string field = "abo") =>
        abo == V1.AboGroup.Unspecified ? null : Enum.IsDefined((AboGroup)(int)abo) ? (AboGroup)(int)abo
            : throw new Common.Errors.ValidationFailedException(field, "Unknown ABO group.");

    public static CmvStatus? ToDomain(V1.CmvStatus cmv, string field = "cmv") =>
        cmv == V1.CmvStatus.Unspecified ? null : Enum.IsDefined((CmvStatus)(int)cmv) ? (CmvStatus)(int)cmv
            : throw new Common.Errors.ValidationFailedException(field, "Unknown CMV status.");

    public static TypingMethod ToDomain(V1.TypingMethod method) =>
        Enum.IsDefined((TypingMethod)(int)method) ? (TypingMethod)(int)method
            : throw new Common.Errors.ValidationFailedException("method", "Unknown typing method.");

    public static bool? ToTypedFilter(string? typed) => typed switch
    {
        null or "" => null,
        "typed" => true,
        "untyped" => false,
        _ => throw new Common.Errors.ValidationFailedException("typed", "Expected \"typed\", \"untyped\" or empty."),
    };
}
