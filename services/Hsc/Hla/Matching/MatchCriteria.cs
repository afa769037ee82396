namespace DonationRegistry.Hla.Matching;

/// <summary>
/// Which loci count and how many mismatches a search allows (DOMAIN.md "Matching"). A, B and DRB1 always count; C and DQB1 count
/// when included. Each counted locus allows 0–2 mismatches; the total over counted loci allows 0–5. Loci that do not count are
/// still scored and shown. Use the presets for the usual searches.
/// </summary>
public sealed record MatchCriteria
{
    /// <summary>Total mismatches allowed over the counted loci, 0–5.</summary>
    public int MaxTotalMismatches { get; init; }

    /// <summary>Whether C counts (8/8, x/10).</summary>
    public bool IncludeC { get; init; }

    /// <summary>Whether DQB1 counts (x/10).</summary>
    public bool IncludeDqb1 { get; init; }

    /// <summary>Mismatches allowed at A, 0–2.</summary>
    public int MaxMismatchesA { get; init; } = 2;

    /// <summary>Mismatches allowed at B, 0–2.</summary>
    public int MaxMismatchesB { get; init; } = 2;

    /// <summary>Mismatches allowed at C, 0–2 (only when <see cref="IncludeC"/>).</summary>
    public int MaxMismatchesC { get; init; } = 2;

    /// <summary>Mismatches allowed at DRB1, 0–2.</summary>
    public int MaxMismatchesDrb1 { get; init; } = 2;

    /// <summary>Mismatches allowed at DQB1, 0–2 (only when <see cref="IncludeDqb1"/>).</summary>
    public int MaxMismatchesDqb1 { get; init; } = 2;

    /// <summary>6/6: A, B, DRB1, no mismatch.</summary>
    public static MatchCriteria SixOfSix { get; } = new();

    /// <summary>8/8: A, B, C, DRB1, no mismatch.</summary>
    public static MatchCriteria EightOfEight { get; } = new() { IncludeC = true };

    /// <summary>10/10: all five loci, no mismatch.</summary>
    public static MatchCriteria TenOfTen { get; } = new() { IncludeC = true, IncludeDqb1 = true };

    /// <summary>9/10: all five loci, at most one mismatch.</summary>
    public static MatchCriteria NineOfTen { get; } = TenOfTen with { MaxTotalMismatches = 1 };

    /// <summary>8/10: all five loci, at most two mismatches.</summary>
    public static MatchCriteria EightOfTen { get; } = TenOfTen with { MaxTotalMismatches = 2 };

    /// <summary>Whether mismatches at <paramref name="locus"/> count (DPB1 never does).</summary>
    public bool Counts(Locus locus) => locus switch
    {
        Locus.A or Locus.B or Locus.Drb1 => true,
        Locus.C => IncludeC,
        Locus.Dqb1 => IncludeDqb1,
        _ => false,
    };

    /// <summary>The per-locus limit at <paramref name="locus"/> (2 for DPB1, which never counts).</summary>
    public int MaxMismatchesAt(Locus locus) => locus switch
    {
        Locus.A => MaxMismatchesA,
        Locus.B => MaxMismatchesB,
        Locus.C => MaxMismatchesC,
        Locus.Drb1 => MaxMismatchesDrb1,
        Locus.Dqb1 => MaxMismatchesDqb1,
        _ => 2,
    };

    /// <summary>The number of positions counted, e.g. 10 for x/10.</summary>
    public int CountedPositions => 2 * Loci.Matched.Count(Counts);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        if (MaxTotalMismatches is < 0 or > 5)
            throw new ArgumentException($"Total mismatches must be 0–5, not {MaxTotalMismatches}.", nameof(MaxTotalMismatches));
        foreach (var locus in Loci.Matched)
        {
            var limit = MaxMismatchesAt(locus);
            if (limit is < 0 or > 2)
                throw new ArgumentException($"Mismatches at {Loci.Name(locus)} must be 0–2, not {limit}.", "MaxMismatches" + Loci.Name(locus));
        }
    }

    /// <summary>"10/10", "9/10", "6/6" …: counted positions minus allowed mismatches over counted positions.</summary>
    public override string ToString() => $"{CountedPositions - MaxTotalMismatches}/{CountedPositions}";
}
