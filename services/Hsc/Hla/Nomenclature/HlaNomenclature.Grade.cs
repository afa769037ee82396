using DonationRegistry.Hla.Nomenclature;

namespace DonationRegistry.Hla;

public sealed partial class HlaNomenclature
{
    /// <summary>
    /// The best grade over the candidate allele pairs of two typed positions at the same locus:
    /// GDna (a shared allele whose full genomic sequence is known per Allele_status.txt; without that file, as in 3.44.0, never
    /// given — CDna instead), CDna (a shared allele), Protein (same first two fields, both expressing), GGroup (same G group or
    /// same three-field name, both expressing or both null), PGroup (a shared P-group id). When either side is serology only the
    /// serology grades apply, and only when the two share a P group (else they cannot match whatever their antigens): Associated,
    /// Split, Broad (see rel_ser_ser.txt; a molecular side counts with the antigens rel_dna_ser.txt assigns its alleles), else
    /// PGroup (an allele with no serological equivalent in the P group of one that has it). Then ExpressingVsNull when exactly
    /// one side is a null typing, else Mismatch. So a grade is Mismatch exactly when <see cref="Confidence"/> is, apart from
    /// null positions.
    /// </summary>
    public MatchGrade Grade(PositionTyping patient, PositionTyping donor)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(donor);
        if (patient.Locus != donor.Locus) throw new ArgumentException($"positions at different loci ({patient.Locus}, {donor.Locus})", nameof(donor));
        var p = Profile(patient);
        var d = Profile(donor);
        if (patient.IsMolecular && donor.IsMolecular)
        {
            if (TypingProfile.Intersects(p.GenomicAlleles, d.GenomicAlleles)) return MatchGrade.GDna;
            if (TypingProfile.Intersects(p.Alleles, d.Alleles)) return MatchGrade.CDna;
            if (TypingProfile.Intersects(p.Proteins, d.Proteins)) return MatchGrade.Protein;
            if (TypingProfile.Intersects(p.ExpressingGGroups, d.ExpressingGGroups)
                || TypingProfile.Intersects(p.NullGGroups, d.NullGGroups))
            {
                return MatchGrade.GGroup;
            }
            if (TypingProfile.Intersects(patient.PGroups.AsSpan(), donor.PGroups.AsSpan())) return MatchGrade.PGroup;
        }
        else if (TypingProfile.Intersects(patient.PGroups.AsSpan(), donor.PGroups.AsSpan()))
        {
            // Serology grades only for positions that may match at all (a shared P group): antigens can relate (B51 and its
            // associated B5102) while the alleles they stand for share no P group.
            MatchGrade? best = null;
            foreach (var a in p.Antigens)
            {
                foreach (var b in d.Antigens)
                {
                    if (_serology.Relation(a, b) is { } grade && (best is null || grade < best)) best = grade;
                }
            }
            // No antigen relation, yet a shared P group: an allele IMGT gives no serology (?) in the P group of one that has it.
            return best ?? MatchGrade.PGroup;
        }
        return patient.IsNull != donor.IsNull ? MatchGrade.ExpressingVsNull : MatchGrade.Mismatch;
    }

    /// <summary>
    /// How sure a position match is: Definite (both single alleles sharing a P group, or the same single null allele), Exact (both
    /// molecular, each exactly one P group, the same), Potential (they share a P group but at least one side is ambiguous),
    /// Mismatch (no shared P group).
    /// </summary>
    public MatchConfidence Confidence(PositionTyping patient, PositionTyping donor)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(donor);
        if (!TypingProfile.Intersects(patient.PGroups.AsSpan(), donor.PGroups.AsSpan()))
        {
            if (patient.IsNull && donor.IsNull && TypingProfile.Intersects(Profile(patient).Alleles, Profile(donor).Alleles))
            {
                return patient.IsSingleAllele && donor.IsSingleAllele ? MatchConfidence.Definite : MatchConfidence.Potential;
            }
            return MatchConfidence.Mismatch;
        }
        if (patient.IsSingleAllele && donor.IsSingleAllele) return MatchConfidence.Definite;
        if (patient.IsMolecular && donor.IsMolecular && patient.PGroups.Length == 1 && donor.PGroups.Length == 1)
        {
            return MatchConfidence.Exact;
        }
        return MatchConfidence.Potential;
    }

    private TypingProfile Profile(PositionTyping typing) =>
        _profiles.GetValue(typing, BuildProfile);

    private TypingProfile BuildProfile(PositionTyping typing)
    {
        var ids = new List<int>(typing.Alleles.Length);
        foreach (var name in typing.Alleles)
        {
            if (_byName.TryGetValue(name, out var id)) ids.Add(id);
        }
        ids.Sort();
        var genomic = ids.Where(id => _fullGenomic[id]).ToArray();
        var proteins = new SortedSet<int>();
        var expressingG = new SortedSet<int>();
        var nullG = new SortedSet<int>();
        var antigens = new SortedSet<int>();
        foreach (var id in ids)
        {
            if (_isNull[id])
            {
                nullG.Add(_gKey[id]);
                continue;
            }
            proteins.Add(_proteinKey[id]);
            expressingG.Add(_gKey[id]);
            antigens.UnionWith(_antigens[id]);
        }
        if (typing.Form == TypingForm.Serology
            && SerologyTable.Canonical(StripHla(typing.Written.Trim())) is { } written
            && _serology.TryId(written) is { } writtenId)
        {
            antigens = [writtenId];
        }
        int? tce = typing.Locus == Locus.Dpb1 ? AgreedTceGroup(ids) : null;
        return new TypingProfile([.. ids], genomic, [.. proteins], [.. expressingG], [.. nullG], [.. antigens], tce);
    }
}
