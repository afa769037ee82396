using DonationRegistry.Common.PersonalData;
using DonationRegistry.Hsc.Domain.Donors;

namespace DonationRegistry.Hsc.Application;

/// <summary>A patient search as submitted (stored with the search as JSON, without the typing which has its own column). The
/// patient's ABO group and CMV status, when given, only rank otherwise equal donors (ABO-identical, CMV-same first).</summary>
public sealed record SearchInput(string PatientReference, string PatientTyping, SearchCriteriaInput Criteria, DonorFilterInput Filter,
    AboGroup? PatientAbo = null, CmvStatus? PatientCmv = null);

/// <summary>Criteria: a preset ("SixOfSix", "EightOfEight", "TenOfTen") or the total/per-locus limits and the optional loci.</summary>
public sealed record SearchCriteriaInput(string? Preset, int TotalMismatches, int PerLocusMismatches, bool IncludeC, bool IncludeDqb1);

/// <summary>Donor filters; 0, null and empty mean "any".</summary>
public sealed record DonorFilterInput(int MinAge, int MaxAge, Sex? Sex, IReadOnlyList<AboGroup> Abo, CmvStatus? Cmv);
