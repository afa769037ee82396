namespace DonationRegistry.Hla.Matching;

/// <summary>Grades with a loaded release: <see cref="HlaNomenclature"/>'s grade, confidence and DPB1 TCE groups.</summary>
public sealed class NomenclatureGrader(HlaNomenclature nomenclature) : IPositionGrader
{
    /// <summary>The release grading uses.</summary>
    public HlaNomenclature Nomenclature { get; } = nomenclature ?? throw new ArgumentNullException(nameof(nomenclature));

    public MatchGrade Grade(PositionTyping patient, PositionTyping donor) => Nomenclature.Grade(patient, donor);

    public MatchConfidence Confidence(PositionTyping patient, PositionTyping donor) => Nomenclature.Confidence(patient, donor);

    public int? TceGroup(PositionTyping dpb1) => Nomenclature.TceGroup(dpb1);
}
