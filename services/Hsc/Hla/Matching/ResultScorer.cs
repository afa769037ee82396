using System.Buffers;

namespace DonationRegistry.Hla.Matching;

/// <summary>
/// Scores the donors one search returns. A donor's locus is a distinct locus typing shared by many donors, so each locus result
/// is computed once per search (memo by pair id) and donors only add up memoised numbers.
/// </summary>
internal sealed class ResultScorer
{
    private const int LocusCount = 6;
    private const int MaxDayNumber = 3_652_058;
    private readonly LocusStore[] _stores;
    private readonly PatientSearch _request;
    private readonly DonorSegment[] _segments;
    private readonly IPositionGrader _grader;
    private readonly InternedPair[][] _pairs = new InternedPair[LocusCount][];
    private readonly LocusMatch?[][] _memo = new LocusMatch?[LocusCount][];
    private readonly int[] _memoLengths = new int[LocusCount];
    private readonly Dictionary<int, Dpb1Category> _dpb1 = [];

    public ResultScorer(IReadOnlyList<LocusStore> stores, IPositionGrader grader, PatientSearch request, DonorSegment[] segments)
    {
        _stores = [.. stores];
        _grader = grader;
        _request = request;
        _segments = segments;
        for (var i = 0; i < LocusCount; i++)
        {
            var count = _stores[i].Pairs.Count;
            _pairs[i] = _stores[i].Pairs.Items;
            _memo[i] = ArrayPool<LocusMatch?>.Shared.Rent(count);
            _memoLengths[i] = count;
            Array.Clear(_memo[i], 0, count);
        }
    }

    public RankKey Key(int slot)
    {
        var segment = _segments[slot >> DonorSegment.Shift];
        var offset = slot & DonorSegment.Mask;
        int mismatches = 0, confidence = 0, grade = 0;
        for (var i = 0; i < LocusCount - 1; i++)
        {
            var match = Locus(i, segment.Pairs[i][offset]);
            if (match.Counted) mismatches += match.MismatchCount;
            confidence += (int)match.Confidence1 + (int)match.Confidence2;
            grade += match.Typed ? (int)match.Grade1!.Value + (int)match.Grade2!.Value : 2 * LocusScorer.UntypedGradeWeight;
        }
        var dpb1 = Dpb1(segment.Pairs[LocusCount - 1][offset]) switch
        {
            Dpb1Category.Match => 0UL,
            Dpb1Category.Permissive => 1UL,
            Dpb1Category.Unknown => 2UL,
            _ => 3UL,
        };
        var attributes = segment.Attributes[offset];
        var sex = DonorAttributes.Sex(attributes) switch { DonorSex.Male => 0UL, DonorSex.Female => 1UL, _ => 2UL };
        var abo = _request.PatientAbo != AboGroup.Unknown && DonorAttributes.Abo(attributes) != _request.PatientAbo ? 1UL : 0UL;
        var cmv = _request.PatientCmv != CmvStatus.Unknown && DonorAttributes.Cmv(attributes) != _request.PatientCmv ? 1UL : 0UL;
        var age = (ulong)(MaxDayNumber - segment.BirthDays[offset]);
        var primary = ((ulong)mismatches << 42) | ((ulong)confidence << 36) | ((ulong)grade << 28) | (dpb1 << 26)
            | (age << 4) | (sex << 2) | (abo << 1) | cmv;
        return new RankKey(primary, segment.DonorIds[offset], slot);
    }

    public DonorMatch Match(RankKey key, int rank)
    {
        var segment = _segments[key.Slot >> DonorSegment.Shift];
        var offset = key.Slot & DonorSegment.Mask;
        var loci = new LocusMatch[LocusCount];
        var mismatches = 0;
        for (var i = 0; i < LocusCount; i++)
        {
            loci[i] = Locus(i, segment.Pairs[i][offset]);
            if (loci[i].Counted) mismatches += loci[i].MismatchCount;
        }
        return new DonorMatch(key.DonorId, rank, mismatches, loci, Dpb1(segment.Pairs[LocusCount - 1][offset]));
    }

    public void Return()
    {
        for (var i = 0; i < LocusCount; i++)
        {
            Array.Clear(_memo[i], 0, _memoLengths[i]);
            ArrayPool<LocusMatch?>.Shared.Return(_memo[i]);
        }
    }

    private LocusMatch Locus(int locusIndex, int pairId)
    {
        var memo = _memo[locusIndex];
        if (memo[pairId] is { } known) return known;
        var locus = (Locus)locusIndex;
        var donor = pairId == LocusStore.Untyped ? null : _pairs[locusIndex][pairId].Typing;
        var match = LocusScorer.Score(locus, _request.Patient[locus], donor, _request.Criteria.Counts(locus), _grader);
        memo[pairId] = match;
        return match;
    }

    private Dpb1Category Dpb1(int pairId)
    {
        if (_dpb1.TryGetValue(pairId, out var known)) return known;
        var donor = pairId == LocusStore.Untyped ? null : _pairs[LocusCount - 1][pairId].Typing;
        var category = LocusScorer.Dpb1(_request.Patient[Hla.Locus.Dpb1], donor, _grader);
        _dpb1[pairId] = category;
        return category;
    }
}
