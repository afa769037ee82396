namespace DonationRegistry.Hsc.Searching;

/// <summary>Settings of the HLA release, the index and the donor pool (sections <c>Hla</c> and <c>Hsc</c>).</summary>
public sealed class HlaOptions
{
    /// <summary>The IMGT/HLA release folder (WMDA files) to load at start (<c>Hla:ImgtFolder</c>, env <c>Hla__ImgtFolder</c>).
    /// Its sibling folders are the releases an administrator may switch to.</summary>
    public string ImgtFolder { get; set; } = "";

    /// <summary>NMDP's multiple-allele-code table in its published format (numer.v3.txt; <c>Hla:MacFile</c>), read at every
    /// (re)load. Empty: typings written with a MAC (<c>A*01:AB</c>) are refused as unknown codes.</summary>
    public string MacFile { get; set; } = "";

    /// <summary>How often the change feed looks for donors other replicas changed (<c>Hsc:ChangeFeedInterval</c>).</summary>
    public TimeSpan ChangeFeedInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How far back each poll looks beyond the last change seen, for transactions that committed late.</summary>
    public TimeSpan ChangeFeedLookBack { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Donors age out after the calendar year in which they reach this age (<c>Hsc:MaximumDonorAge</c>).</summary>
    public int MaximumDonorAge { get; set; } = Domain.Donors.DonorAge.DefaultMaximum;

    /// <summary>How often the pool is swept: the age limit applied, deferrals that ended reinstated (<c>Hsc:SweepInterval</c>).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Ranked results stored per search (<c>Hsc:SearchResultCap</c>); the total count is always exact.</summary>
    public int SearchResultCap { get; set; } = 2000;
}
