using DonationRegistry.Hla;
using DonationRegistry.Hla.Matching;
using DonationRegistry.Hsc.Application;
using DonationRegistry.Hsc.Domain.Searches;
using System.Text.Json;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace DonationRegistry.Hsc.Grpc;

/// <summary>Domain ↔ message translation for the Search API.</summary>
public static class SearchMapping
{
    public static SearchInput ToInput(V1.SubmitSearchRequest request) => new(
        request.PatientReference,
        request.PatientTyping ?? "",
        ToInput(request.Criteria ?? new V1.SearchCriteria()),
        ToInput(request.Filter ?? new V1.DonorFilter()),
        DonorMapping.ToDomain(request.PatientAbo, "patient_abo"),
        DonorMapping.ToDomain(request.PatientCmv, "patient_cmv"));

    public static SearchCriteriaInput ToInput(V1.SearchCriteria criteria) => new(
        criteria.Preset switch
        {
            V1.CriteriaPreset.SixOfSix => "SixOfSix",
            V1.CriteriaPreset.EightOfEight => "EightOfEight",
            V1.CriteriaPreset.TenOfTen => "TenOfTen",
            V1.CriteriaPreset.Unspecified => null,
            _ => criteria.Preset.ToString(),
        },
        criteria.TotalMismatches, criteria.PerLocusMismatches, criteria.IncludeC, criteria.IncludeDqb1);

    public static DonorFilterInput ToInput(V1.DonorFilter filter) => new(
        filter.MinAge,
        filter.MaxAge,
        filter.Sex switch
        {
            V1.Sex.Male => Common.PersonalData.Sex.Male,
            V1.Sex.Female => Common.PersonalData.Sex.Female,
            V1.Sex.Unspecified => null,
            _ => throw new Common.Errors.ValidationFailedException("filter.sex", "Unknown sex."),
        },
        [.. filter.Abo.Select(a => DonorMapping.ToDomain(a, "filter.abo")
            ?? throw new Common.Errors.ValidationFailedException("filter.abo", "ABO_GROUP_UNSPECIFIED is not a group."))],
        DonorMapping.ToDomain(filter.Cmv, "filter.cmv"));

    public static V1.SearchSummary ToSummary(SearchRecord search)
    {
        var request = JsonSerializer.Deserialize<StoredRequest>(search.RequestJson, SearchCommands.Json);
        var summary = new V1.SearchSummary
        {
            Name = ResourceNames.Search(search.Id),
            PatientReference = search.PatientReference,
            PatientTyping = search.PatientGlString,
            Release = search.Release,
            TotalCount = search.TotalCount,
            StoredCount = search.StoredCount,
            SubmitTime = Timestamp.FromDateTimeOffset(search.SubmittedAt),
            SubmittedBy = search.SubmittedBy,
        };
        if (request?.Criteria is { } c)
        {
            summary.Criteria = new V1.SearchCriteria
            {
                Preset = c.Preset switch
                {
                    "SixOfSix" => V1.CriteriaPreset.SixOfSix,
                    "EightOfEight" => V1.CriteriaPreset.EightOfEight,
                    "TenOfTen" => V1.CriteriaPreset.TenOfTen,
                    _ => V1.CriteriaPreset.Unspecified,
                },
                TotalMismatches = c.TotalMismatches,
                PerLocusMismatches = c.PerLocusMismatches,
                IncludeC = c.IncludeC,
                IncludeDqb1 = c.IncludeDqb1,
            };
        }
        if (request?.Filter is { } f)
        {
            summary.Filter = new V1.DonorFilter
            {
                MinAge = f.MinAge,
                MaxAge = f.MaxAge,
                Sex = f.Sex is { } s ? DonorMapping.ToMessage(s) : V1.Sex.Unspecified,
                Abo = { f.Abo.Select(a => (V1.AboGroup)(int)a) },
                Cmv = f.Cmv is { } cmv ? (V1.CmvStatus)(int)cmv : V1.CmvStatus.Unspecified,
            };
        }
        return summary;
    }

    public static V1.DonorMatch ToMessage(StoredMatch match) => new()
    {
        Rank = match.Rank,
        Donor = ResourceNames.Donor(match.DonorId),
        MismatchCount = match.MismatchCount,
        Loci = { match.Loci.Select(ToMessage) },
        Dpb1 = ToMessage(match.Dpb1),
        BirthYear = match.BirthYear,
        Sex = DonorMapping.ToMessage(match.Sex),
        Abo = (V1.AboGroup)(int)match.Abo,
        Cmv = (V1.CmvStatus)(int)match.Cmv,
    };

    public static V1.LocusMatch ToMessage(StoredLocus locus) => new()
    {
        Locus = Loci.Name(locus.Locus),
        MatchCount = locus.MatchCount,
        Counted = locus.Counted,
        Typed = locus.Typed,
        Grades = { ToMessage(locus.Grade1), ToMessage(locus.Grade2) },
        Confidences = { ToMessage(locus.Confidence1), ToMessage(locus.Confidence2) },
        Confidence = ToMessage(locus.Confidence1 > locus.Confidence2 ? locus.Confidence1 : locus.Confidence2),
    };

    public static V1.MatchGrade ToMessage(MatchGrade? grade) => grade is { } g ? (V1.MatchGrade)((int)g + 1) : V1.MatchGrade.Unspecified;

    public static V1.MatchConfidence ToMessage(MatchConfidence confidence) => (V1.MatchConfidence)((int)confidence + 1);

    public static V1.Dpb1Category ToMessage(Dpb1Category category) => category switch
    {
        Dpb1Category.Match or Dpb1Category.Permissive => V1.Dpb1Category.Permissive,
        Dpb1Category.NonPermissiveGvH => V1.Dpb1Category.NonPermissiveGvh,
        Dpb1Category.NonPermissiveHvG => V1.Dpb1Category.NonPermissiveHvg,
        _ => V1.Dpb1Category.Unspecified,
    };

    public static ReductionTarget? ToDomain(V1.ReductionTarget target) => target switch
    {
        V1.ReductionTarget.G => ReductionTarget.G,
        V1.ReductionTarget.P => ReductionTarget.P,
        V1.ReductionTarget.Lg => ReductionTarget.Lg,
        V1.ReductionTarget.Lgx => ReductionTarget.Lgx,
        V1.ReductionTarget.SerologyAntigen => ReductionTarget.Serology,
        _ => null,
    };

    /// <summary>The criteria and filter as stored with a search.</summary>
    private sealed record StoredRequest(SearchCriteriaInput? Criteria, DonorFilterInput? Filter);
}
