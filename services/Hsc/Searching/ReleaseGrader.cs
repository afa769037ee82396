using DonationRegistry.Hla;
using DonationRegistry.Hla.Matching;

namespace DonationRegistry.Hsc.Searching;

/// <summary>Grades positions with one loaded release's nomenclature (grades, confidences, DPB1 TCE groups).</summary>
public sealed class ReleaseGrader(HlaNomenclature nomenclature) : IPositionGrader
{
    public MatchGrade Grade(PositionTyping patient, PositionTyping donor) => nomenclature.Grade(patient, donor);

    public MatchConfidence Confidence(PositionTyping patient, PositionTyping donor) => nomenclature.Confidence(patient, donor);

    public int? TceGroup(PositionTyping dpb1) => nomenclature.TceGroup(dpb1);
}
