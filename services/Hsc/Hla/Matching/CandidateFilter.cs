using System.Collections.Concurrent;

namespace DonationRegistry.Hla.Matching;

/// <summary>
/// The per-slot checks after the HLA scan: current at the search's epoch, searchable, and the donor filters (ages turned into a
/// birth-day window once, ABO into a bit mask, regions into interned ids).
/// </summary>
internal sealed class CandidateFilter
{
    private readonly int _epoch;
    private readonly int _earliestBirthDay;
    private readonly int _latestBirthDay;
    private readonly DonorSex? _sex;
    private readonly int _aboMask;
    private readonly CmvStatus? _cmv;
    private readonly HashSet<int>? _regions;

    public CandidateFilter(PatientSearch request, int epoch, ConcurrentDictionary<string, int> regionIds)
    {
        _epoch = epoch;
        var filter = request.Filter ?? DonorFilter.None;
        var asOf = request.AsOf;
        // age >= MinAge  <=> born on or before asOf - MinAge years; age <= MaxAge <=> born after asOf - (MaxAge + 1) years.
        _latestBirthDay = filter.MinAge is { } min ? SafeAddYears(asOf, -min).DayNumber : int.MaxValue;
        _earliestBirthDay = filter.MaxAge is { } max ? SafeAddYears(asOf, -(max + 1)).DayNumber + 1 : int.MinValue;
        _sex = filter.Sex;
        _aboMask = filter.AboGroups is { Count: > 0 } groups ? groups.Aggregate(0, (mask, group) => mask | (1 << (int)group)) : -1;
        _cmv = filter.Cmv;
        if (filter.RegionCodes is { Count: > 0 } codes)
        {
            _regions = [];
            foreach (var code in codes)
            {
                if (regionIds.TryGetValue(code, out var id)) _regions.Add(id);
            }
        }
    }

    public bool Accepts(DonorSegment segment, int offset)
    {
        if (segment.Born[offset] > _epoch || segment.Died[offset] <= _epoch) return false;
        var attributes = segment.Attributes[offset];
        if (!DonorAttributes.Searchable(attributes)) return false;
        var birthDay = segment.BirthDays[offset];
        if (birthDay > _latestBirthDay || birthDay < _earliestBirthDay) return false;
        if (_sex is { } sex && DonorAttributes.Sex(attributes) != sex) return false;
        if ((_aboMask & (1 << (int)DonorAttributes.Abo(attributes))) == 0) return false;
        if (_cmv is { } cmv && DonorAttributes.Cmv(attributes) != cmv) return false;
        return _regions is null || _regions.Contains(segment.Regions[offset]);
    }

    private static DateOnly SafeAddYears(DateOnly date, int years)
    {
        var year = date.Year + years;
        if (year < 1) return DateOnly.MinValue;
        if (year > 9999) return DateOnly.MaxValue;
        return date.AddYears(years);
    }
}
