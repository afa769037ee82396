namespace DonationRegistry.Hla.Matching;

/// <summary>
/// One search request. <see cref="AsOf"/> is the date ages are computed on (the caller passes its clock's date, so the index needs
/// no clock). <see cref="PatientAbo"/> and <see cref="PatientCmv"/>, when known, rank ABO-identical and CMV-same donors first among
/// otherwise equal donors.
/// </summary>
/// <param name="Patient">The patient's interpreted typing; A, B and DRB1 must be typed.</param>
/// <param name="Criteria">Loci and mismatch limits.</param>
/// <param name="AsOf">The date ages are computed on.</param>
public sealed record PatientSearch(Genotype Patient, MatchCriteria Criteria, DateOnly AsOf)
{
    /// <summary>The largest page a search returns.</summary>
    public const int MaxPageSize = 100_000;

    /// <summary>Donor filters.</summary>
    public DonorFilter Filter { get; init; } = DonorFilter.None;

    /// <summary>Results per page, 1–<see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = 20;

    /// <summary>The <see cref="SearchResult.NextPageToken"/> of the previous page, or null for the first page.</summary>
    public string? PageToken { get; init; }

    /// <summary>The patient's ABO group, for ranking only.</summary>
    public AboGroup PatientAbo { get; init; }

    /// <summary>The patient's CMV status, for ranking only.</summary>
    public CmvStatus PatientCmv { get; init; }
}
