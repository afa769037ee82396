using System.Collections.Frozen;
using System.Collections.Immutable;

namespace DonationRegistry.Hla;

/// <summary>
/// One IPD-IMGT/HLA release in memory, as read from its WMDA files (see <see cref="Release.ImgtReleaseLoader"/>). Immutable; holds
/// only what the files say. Derived lookups (prefix indexes, P-group numbering, serology expansion) live in
/// <see cref="HlaNomenclature"/>.
/// </summary>
public sealed class ImgtRelease
{
    public ImgtRelease(
        string version,
        ImmutableArray<ImgtAllele> alleles,
        FrozenDictionary<string, DeletedAllele> deletedAlleles,
        FrozenDictionary<string, string?> pre2010Names,
        ImmutableArray<string> serologicalAntigens,
        FrozenDictionary<string, string?> deletedAntigens,
        ImmutableArray<SerologyRelation> serologyRelations,
        FrozenDictionary<string, TceAssignment> tceAssignments,
        ImmutableArray<string> unavailableFeatures)
    {
        Version = version;
        Alleles = alleles;
        DeletedAlleles = deletedAlleles;
        Pre2010Names = pre2010Names;
        SerologicalAntigens = serologicalAntigens;
        DeletedAntigens = deletedAntigens;
        SerologyRelations = serologyRelations;
        TceAssignments = tceAssignments;
        UnavailableFeatures = unavailableFeatures;
    }

    /// <summary>The release version as its files state it, e.g. <c>3.58.0</c>.</summary>
    public string Version { get; }

    /// <summary>Every current allele (Allelelist.txt), in file order.</summary>
    public ImmutableArray<ImgtAllele> Alleles { get; }

    /// <summary>Deleted and renamed allele names by their old full name (e.g. <c>A*01:34N</c>, <c>A*0105N</c>).</summary>
    public FrozenDictionary<string, DeletedAllele> DeletedAlleles { get; }

    /// <summary>
    /// Nomenclature_2009.txt: pre-2010 name (with gene, e.g. <c>A*02010101</c>, <c>Cw*0102</c>) to the April-2010 name, null
    /// where IMGT writes <c>None</c>. Empty when the release lacks the file.
    /// </summary>
    public FrozenDictionary<string, string?> Pre2010Names { get; }

    /// <summary>Current serological antigens from hla_nom.txt, e.g. <c>A1</c>, <c>Cw3</c>, <c>DR52</c>.</summary>
    public ImmutableArray<string> SerologicalAntigens { get; }

    /// <summary>Deleted serological antigens (hla_nom.txt), with the antigen IMGT names instead when it names one.</summary>
    public FrozenDictionary<string, string?> DeletedAntigens { get; }

    /// <summary>rel_ser_ser.txt: broads with their splits, antigens with their associated antigens.</summary>
    public ImmutableArray<SerologyRelation> SerologyRelations { get; }

    /// <summary>dpb_tce.csv by full allele name. Empty when the release lacks the file.</summary>
    public FrozenDictionary<string, TceAssignment> TceAssignments { get; }

    /// <summary>
    /// What this release cannot support because an optional file is missing (e.g. 3.44.0 has no Allele_status.txt, so no GDna
    /// grade), one plain sentence each. Empty for a complete release.
    /// </summary>
    public ImmutableArray<string> UnavailableFeatures { get; }

    /// <summary>True when Allele_status.txt was loaded (GDna grades possible).</summary>
    public bool HasAlleleStatus => Alleles.Length > 0 && Alleles[0].FullGenomic is not null;
}
