namespace DonationRegistry.Hla.Matching;

/// <summary>
/// The matching rules for one locus of one patient/donor pair (DOMAIN.md "Matching"), shared by the index (once per distinct
/// donor locus typing per search) and by <see cref="MatchExplainer"/>.
/// </summary>
internal static class LocusScorer
{
    /// <summary>Grade weight of an untyped position in the ranking sums: after every match grade, before a mismatch.</summary>
    public const int UntypedGradeWeight = (int)MatchGrade.ExpressingVsNull;

    /// <summary>The positions counting uses: a position whose every candidate is null takes the other position's typing.</summary>
    public static (PositionTyping First, PositionTyping Second) Effective(LocusTyping typing) =>
        (typing.First.IsNull, typing.Second.IsNull) switch
        {
            (true, false) => (typing.Second, typing.Second),
            (false, true) => (typing.First, typing.First),
            _ => (typing.First, typing.Second),
        };

    public static bool Matches(PositionTyping a, PositionTyping b) => PGroupSets.Intersect(a.PGroups.AsSpan(), b.PGroups.AsSpan());

    /// <summary>
    /// Scores a locus. Counting uses the effective positions; of the two pairings the one with more matches wins, a tie goes to the
    /// better grades, then the better confidences, then the direct pairing. A matched position is graded on the effective positions
    /// (so a null donor position paired as homozygous shows the grade of the allele it stands in for); a mismatched position on the
    /// positions as typed (so a null against an expressing allele shows ExpressingVsNull). Grades and confidences are kept
    /// consistent with the count whatever the grader says: a matched position is never graded below PGroup nor given Mismatch
    /// confidence, a mismatched one is always Mismatch confidence and at best ExpressingVsNull.
    /// </summary>
    public static LocusMatch Score(Locus locus, LocusTyping? patient, LocusTyping? donor, bool counted, IPositionGrader grader)
    {
        if (patient is null || donor is null)
            return new LocusMatch(locus, false, counted, 2, false, null, null, MatchConfidence.Potential, MatchConfidence.Potential);

        var (p1, p2) = Effective(patient);
        var (d1, d2) = Effective(donor);
        // Grading is the costly part: grade the second pairing only when the counts cannot decide.
        var directCount = (Matches(p1, d1) ? 1 : 0) + (Matches(p2, d2) ? 1 : 0);
        var crossedCount = (Matches(p1, d2) ? 1 : 0) + (Matches(p2, d1) ? 1 : 0);
        LocusScore Direct() => Position(p1, d1, patient.First, donor.First, grader).With(Position(p2, d2, patient.Second, donor.Second, grader));
        LocusScore Crossed() => Position(p1, d2, patient.First, donor.Second, grader).With(Position(p2, d1, patient.Second, donor.First, grader));
        bool useCrossed;
        LocusScore chosen;
        if (directCount != crossedCount)
        {
            useCrossed = crossedCount > directCount;
            chosen = useCrossed ? Crossed() : Direct();
        }
        else
        {
            var direct = Direct();
            var crossed = Crossed();
            useCrossed = crossed.IsBetterThan(direct);
            chosen = useCrossed ? crossed : direct;
        }
        return new LocusMatch(locus, true, counted, chosen.Count, useCrossed, chosen.Grade1, chosen.Grade2, chosen.Confidence1, chosen.Confidence2);
    }

    /// <summary>Only the count (0–2) of a locus, as the index's scan computes it.</summary>
    public static int MatchCount(LocusTyping patient, LocusTyping donor)
    {
        var (p1, p2) = Effective(patient);
        var (d1, d2) = Effective(donor);
        var direct = (Matches(p1, d1) ? 1 : 0) + (Matches(p2, d2) ? 1 : 0);
        var crossed = (Matches(p1, d2) ? 1 : 0) + (Matches(p2, d1) ? 1 : 0);
        return Math.Max(direct, crossed);
    }

    /// <summary>DPB1 category (see <see cref="Dpb1Category"/> for the rule).</summary>
    public static Dpb1Category Dpb1(LocusTyping? patient, LocusTyping? donor, IPositionGrader grader)
    {
        if (patient is null || donor is null) return Dpb1Category.Unknown;
        if (MatchCount(patient, donor) == 2) return Dpb1Category.Match;
        var patientGroup = MostImmunogenicGroup(patient, grader);
        var donorGroup = MostImmunogenicGroup(donor, grader);
        if (patientGroup is null || donorGroup is null) return Dpb1Category.Unknown;
        if (patientGroup == donorGroup) return Dpb1Category.Permissive;
        return donorGroup < patientGroup ? Dpb1Category.NonPermissiveHvG : Dpb1Category.NonPermissiveGvH;
    }

    private static int? MostImmunogenicGroup(LocusTyping typing, IPositionGrader grader)
    {
        var (first, second) = Effective(typing);
        if (first.IsNull) return null;
        var a = grader.TceGroup(first);
        var b = ReferenceEquals(first, second) ? a : grader.TceGroup(second);
        if (a is null || b is null) return null;
        return Math.Min(a.Value, b.Value);
    }

    private static PositionScore Position(PositionTyping patientEffective, PositionTyping donorEffective, PositionTyping patientTyped,
        PositionTyping donorTyped, IPositionGrader grader)
    {
        if (Matches(patientEffective, donorEffective))
        {
            var grade = grader.Grade(patientEffective, donorEffective);
            if (grade >= MatchGrade.ExpressingVsNull) grade = MatchGrade.PGroup;
            var confidence = grader.Confidence(patientEffective, donorEffective);
            if (confidence == MatchConfidence.Mismatch) confidence = MatchConfidence.Potential;
            return new PositionScore(true, grade, confidence);
        }
        var mismatchGrade = grader.Grade(patientTyped, donorTyped);
        if (mismatchGrade < MatchGrade.ExpressingVsNull) mismatchGrade = MatchGrade.Mismatch;
        return new PositionScore(false, mismatchGrade, MatchConfidence.Mismatch);
    }

    private readonly record struct PositionScore(bool Matched, MatchGrade Grade, MatchConfidence Confidence)
    {
        public LocusScore With(PositionScore second) =>
            new((Matched ? 1 : 0) + (second.Matched ? 1 : 0), Grade, second.Grade, Confidence, second.Confidence);
    }

    private readonly record struct LocusScore(int Count, MatchGrade Grade1, MatchGrade Grade2, MatchConfidence Confidence1,
        MatchConfidence Confidence2)
    {
        public bool IsBetterThan(LocusScore other)
        {
            if (Count != other.Count) return Count > other.Count;
            var grades = (int)Grade1 + (int)Grade2 - (int)other.Grade1 - (int)other.Grade2;
            if (grades != 0) return grades < 0;
            return (int)Confidence1 + (int)Confidence2 < (int)other.Confidence1 + (int)other.Confidence2;
        }
    }
}
