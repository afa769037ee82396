using System.Text;

namespace DonationRegistry.SyntheticDonors;

/// <summary>
/// Draws deterministic synthetic donors (and patients) from <see cref="HanChineseModel"/>: two haplotypes per person, each either a
/// common haplotype (by its frequency) or a tail haplotype drawn locus by locus; a share of donors gets a legacy typing (serology,
/// XX codes, MACs from the table in the options, allele strings; C/DQB1 sometimes untyped). The same seed and options give the same
/// sequence. Pure and allocation-light (one GL String and one record per donor), so millions can be drawn for benchmarks. Not
/// thread-safe: use one generator per thread (with different seeds).
/// </summary>
public sealed class SyntheticDonorGenerator
{
    private const int LocusCount = 5; // A, B, C, DRB1, DQB1 as in HanChineseModel.Loci
    private const int LocusA = 0, LocusB = 1, LocusC = 2, LocusDrb1 = 3, LocusDqb1 = 4;

    private static readonly string[] AboGroups = ["O", "A", "B", "AB"];
    private static readonly double[] AboWeights = [0.30, 0.28, 0.29, 0.09];

    // Zhejiang's prefecture-level cities weighted by population (millions): Hangzhou … Lishui.
    private static readonly string[] RegionCodes =
        ["330100", "330200", "330300", "330400", "330500", "330600", "330700", "330800", "330900", "331000", "331100"];
    private static readonly double[] RegionWeights = [12.5, 9.6, 9.7, 5.6, 3.4, 5.3, 7.1, 2.3, 1.2, 6.7, 2.5];

    private readonly SyntheticPoolOptions _options;
    private readonly string[][] _alleles;          // [locus][allele] two-field names
    private readonly string[][] _xxCodes;          // [locus][allele] e.g. A*02:XX
    private readonly string?[][] _serology;        // [locus][allele] e.g. A2, or null
    private readonly string[][][] _macTypings;     // [locus][allele] e.g. A*02:AB, only codes that hold the allele
    private readonly int[][][] _sameFamily;        // [locus][allele] other alleles with the same first field
    private readonly WeightedTable[] _tail;        // [locus]
    private readonly int[][] _haplotypeAlleles;    // [haplotype][locus]
    private readonly WeightedTable _haplotypes;    // common haplotypes, then one entry for "tail"
    private readonly string[] _dpb1;
    private readonly WeightedTable _dpb1Table;
    private readonly WeightedTable _abo = new(AboWeights);
    private readonly WeightedTable _region = new(RegionWeights);
    private readonly WeightedTable _legacyStyle;
    private readonly StringBuilder _builder = new(192);
    private RandomSource _random;
    private RandomSource _patientRandom;

    public SyntheticDonorGenerator(int seed, SyntheticPoolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MinAge < 0 || options.MaxAge < options.MinAge)
        {
            throw new ArgumentException("MaxAge must be at least MinAge.", nameof(options));
        }
        _options = options;
        _random = new RandomSource(unchecked((ulong)seed));
        // Patients come from their own stream so drawing them never shifts the donor sequence.
        _patientRandom = new RandomSource(unchecked((ulong)seed) ^ 0x5041544945_4E5453UL);

        _alleles = new string[LocusCount][];
        _tail = new WeightedTable[LocusCount];
        for (var locus = 0; locus < LocusCount; locus++)
        {
            var name = HanChineseModel.Loci[locus];
            var tail = HanChineseModel.TailFrequencies[name];
            var names = tail.Select(t => t.Allele).ToList();
            foreach (var haplotype in HanChineseModel.Haplotypes)
            {
                var allele = haplotype.Alleles[locus];
                if (!names.Contains(allele)) names.Add(allele);
            }
            _alleles[locus] = [.. names];
            _tail[locus] = new WeightedTable(names.Select(n => tail.FirstOrDefault(t => t.Allele == n).Frequency).ToArray());
        }

        _haplotypeAlleles = HanChineseModel.Haplotypes
            .Select(h => Enumerable.Range(0, LocusCount).Select(l => Array.IndexOf(_alleles[l], h.Alleles[l])).ToArray())
            .ToArray();
        var common = HanChineseModel.Haplotypes.Select(h => h.Frequency).ToList();
        common.Add(Math.Max(0, 1 - common.Sum()));
        _haplotypes = new WeightedTable(common);

        _dpb1 = HanChineseModel.Dpb1Frequencies.Select(d => d.Allele).ToArray();
        _dpb1Table = new WeightedTable(HanChineseModel.Dpb1Frequencies.Select(d => d.Frequency).ToArray());

        _xxCodes = _alleles.Select(names => names.Select(n => n[..(n.IndexOf(':', StringComparison.Ordinal) + 1)] + "XX").ToArray()).ToArray();
        _serology = _alleles.Select(names => names.Select(n => HanChineseModel.Serology.GetValueOrDefault(n)).ToArray()).ToArray();
        _sameFamily = _alleles.Select(names => names
                .Select(n => Enumerable.Range(0, names.Length)
                    .Where(i => names[i] != n && Family(names[i]) == Family(n))
                    .ToArray())
                .ToArray())
            .ToArray();
        _macTypings = MacTypings(_alleles, options.MacTable);

        var hasMacs = _macTypings.Any(locus => locus.Any(codes => codes.Length > 0));
        // Serology (A, B, DR; no C/DQ), low-resolution XX, MACs (when a table is given), two-field allele strings.
        _legacyStyle = new WeightedTable([0.25, 0.30, hasMacs ? 0.20 : 0, 0.25]);
    }

    /// <summary>The next donor.</summary>
    public SyntheticDonor Next()
    {
        var id = _random.NextGuid();
        Span<int> first = stackalloc int[LocusCount];
        Span<int> second = stackalloc int[LocusCount];
        DrawHaplotype(ref _random, first);
        DrawHaplotype(ref _random, second);

        var legacy = _random.Chance(_options.LegacyFraction);
        _builder.Clear();
        if (legacy)
        {
            AppendLegacy(first, second, _legacyStyle.Draw(ref _random));
        }
        else
        {
            AppendHighResolution(ref _random, first, second, _random.Chance(_options.Dpb1Fraction));
        }
        var glString = _builder.ToString();

        var (birthYear, sex, abo) = DrawProfile(ref _random);
        var cmv = _random.NextDouble();
        bool? cmvPositive = cmv < _options.CmvUnknownFraction ? null : cmv < _options.CmvUnknownFraction + _options.CmvPositiveFraction;
        var region = RegionCodes[_region.Draw(ref _random)];
        return new SyntheticDonor(id, glString, birthYear, sex, abo, cmvPositive, region, legacy);
    }

    /// <summary>The next <paramref name="count"/> donors.</summary>
    public IEnumerable<SyntheticDonor> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (var i = 0; i < count; i++) yield return Next();
    }

    /// <summary>
    /// Draws <paramref name="count"/> patients from the same model, typed at two fields at all six loci. Patients have their own
    /// random stream: the same seed gives the same patients however many donors were drawn.
    /// </summary>
    public IReadOnlyList<SyntheticPatient> SamplePatients(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var patients = new List<SyntheticPatient>(count);
        Span<int> first = stackalloc int[LocusCount];
        Span<int> second = stackalloc int[LocusCount];
        for (var i = 0; i < count; i++)
        {
            var id = _patientRandom.NextGuid();
            DrawHaplotype(ref _patientRandom, first);
            DrawHaplotype(ref _patientRandom, second);
            _builder.Clear();
            AppendHighResolution(ref _patientRandom, first, second, withDpb1: true);
            var (birthYear, sex, abo) = DrawProfile(ref _patientRandom);
            patients.Add(new SyntheticPatient(id, _builder.ToString(), birthYear, sex, abo, _patientRandom.Chance(_options.CmvPositiveFraction)));
        }
        return patients;
    }

    /// <summary>For tests: draws one haplotype from the donor stream and says which common haplotype it was (-1 for the tail).</summary>
    internal int NextHaplotypeSource(Span<int> alleles) => DrawHaplotype(ref _random, alleles);

    /// <summary>For tests: the allele names of one locus in model order.</summary>
    internal IReadOnlyList<string> AllelesOf(int locus) => _alleles[locus];

    private int DrawHaplotype(ref RandomSource random, Span<int> alleles)
    {
        var source = _haplotypes.Draw(ref random);
        if (source < _haplotypeAlleles.Length)
        {
            _haplotypeAlleles[source].CopyTo(alleles);
            return source;
        }
        for (var locus = 0; locus < LocusCount; locus++) alleles[locus] = _tail[locus].Draw(ref random);
        return -1;
    }

    private (int BirthYear, string Sex, string Abo) DrawProfile(ref RandomSource random)
    {
        var age = _options.MinAge + random.Next(_options.MaxAge - _options.MinAge + 1);
        var sex = random.Chance(_options.MaleFraction) ? "M" : "F";
        var abo = AboGroups[_abo.Draw(ref random)];
        return (_options.ReferenceYear - age, sex, abo);
    }

    private void AppendHighResolution(ref RandomSource random, ReadOnlySpan<int> first, ReadOnlySpan<int> second, bool withDpb1)
    {
        for (var locus = 0; locus < LocusCount; locus++)
        {
            AppendLocus(_alleles[locus][first[locus]], _alleles[locus][second[locus]]);
        }
        if (withDpb1)
        {
            AppendLocus(_dpb1[_dpb1Table.Draw(ref random)], _dpb1[_dpb1Table.Draw(ref random)]);
        }
    }

    private void AppendLegacy(ReadOnlySpan<int> first, ReadOnlySpan<int> second, int style)
    {
        for (var locus = 0; locus < LocusCount; locus++)
        {
            var typed = style switch
            {
                0 => locus is LocusA or LocusB || (locus == LocusDrb1 && _random.Chance(0.6)) ? 0 : locus == LocusDrb1 ? 1 : -1,
                1 => locus is LocusC or LocusDqb1 && _random.Chance(0.3) ? -1 : 1,
                2 => locus == LocusC && _random.Chance(0.2) ? -1 : 2,
                _ => (locus == LocusC && _random.Chance(0.1)) || (locus == LocusDqb1 && _random.Chance(0.15)) ? -1 : 3,
            };
            if (typed < 0) continue; // untyped locus
            AppendLocus(LegacyPosition(locus, first[locus], typed), LegacyPosition(locus, second[locus], typed));
        }
    }

    /// <summary>One position as an old typing: 0 serology, 1 XX code, 2 MAC, 3 two-field allele string.</summary>
    private string LegacyPosition(int locus, int allele, int form)
    {
        switch (form)
        {
            case 0 when _serology[locus][allele] is { } antigen:
                return antigen;
            case 2 when _macTypings[locus][allele] is { Length: > 0 } codes:
                return codes[_random.Next(codes.Length)];
            case 3 when _sameFamily[locus][allele] is { Length: > 0 } family:
                return AlleleString(locus, allele, family);
            case 3:
                return _alleles[locus][allele];
            default:
                return _xxCodes[locus][allele];
        }
    }

    private string AlleleString(int locus, int allele, int[] family)
    {
        // The true allele and one or two others of its family, in ordinal order as a lab would list them.
        var others = Math.Min(family.Length, 1 + _random.Next(2));
        var chosen = new List<string>(others + 1) { _alleles[locus][allele] };
        var start = _random.Next(family.Length);
        for (var i = 0; i < others; i++) chosen.Add(_alleles[locus][family[(start + i) % family.Length]]);
        chosen.Sort(StringComparer.Ordinal);
        return string.Join('/', chosen);
    }

    private void AppendLocus(string first, string second)
    {
        if (_builder.Length > 0) _builder.Append('^');
        _builder.Append(first).Append('+').Append(second);
    }

    private static string Family(string allele)
    {
        var colon = allele.IndexOf(':', StringComparison.Ordinal);
        return allele[..colon];
    }

    /// <summary>For every model allele, the MAC typings (e.g. <c>A*02:AB</c>) whose expansion holds it; at most 8, by code order.</summary>
    private static string[][][] MacTypings(string[][] alleles, IReadOnlyDictionary<string, string>? table)
    {
        var result = alleles.Select(names => names.Select(_ => new List<string>()).ToArray()).ToArray();
        if (table is not null)
        {
            foreach (var (code, expansion) in table.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var parts = expansion.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                for (var locus = 0; locus < alleles.Length; locus++)
                {
                    for (var allele = 0; allele < alleles[locus].Length; allele++)
                    {
                        var name = alleles[locus][allele];
                        var star = name.IndexOf('*', StringComparison.Ordinal);
                        var fields = name[(star + 1)..];              // 02:01
                        var secondField = fields[(fields.IndexOf(':', StringComparison.Ordinal) + 1)..]; // 01
                        var holds = parts.Any(p => p.Contains(':', StringComparison.Ordinal) ? p == fields : p == secondField);
                        if (holds && result[locus][allele].Count < 8)
                        {
                            result[locus][allele].Add($"{Family(name)}:{code}");
                        }
                    }
                }
            }
        }
        return result.Select(locus => locus.Select(codes => codes.ToArray()).ToArray()).ToArray();
    }
}
