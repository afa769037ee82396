namespace DonationRegistry.Hla.Matching;

/// <summary>
/// The nomenclature knowledge scoring needs per position: grade, confidence, DPB1 TCE group. The HLA nomenclature provides it
/// (<see cref="NomenclatureGrader"/>); <see cref="PGroupGrader"/> works from the interpreted typings alone. Called only for
/// distinct typings of returned donors (results are cached per search), so it need not be very fast, but it must be thread-safe.
/// </summary>
public interface IPositionGrader
{
    /// <summary>Grade of one patient position against one donor position.</summary>
    MatchGrade Grade(PositionTyping patient, PositionTyping donor);

    /// <summary>Confidence of one patient position against one donor position.</summary>
    MatchConfidence Confidence(PositionTyping patient, PositionTyping donor);

    /// <summary>The DPB1 TCE group of a position when every candidate agrees, else null.</summary>
    int? TceGroup(PositionTyping dpb1);
}
