namespace DonationRegistry.Hla.Matching;

/// <summary>
/// DPB1 scoring by T-cell-epitope (TCE) groups, best first. DPB1 is never counted as a match or mismatch; it only ranks.
/// Rule (the IMGT/HLA DPB1 TCE algorithm, Crivello et al. 2015, as the WMDA/ATLAS table encodes it): each side's locus is
/// represented by its most immunogenic TCE group (the lowest group number of its two positions; a null position takes the other
/// position's group). Same lowest group → permissive. Donor's lowest group lower (donor carries a more immunogenic epitope the
/// patient lacks) → non-permissive in the host-versus-graft direction; patient's lower → graft-versus-host direction.
/// </summary>
public enum Dpb1Category
{
    /// <summary>Both DPB1 positions match by P group.</summary>
    Match,
    /// <summary>Mismatched (or not known to match), but the TCE groups are permissive.</summary>
    Permissive,
    /// <summary>Patient or donor untyped at DPB1, or a TCE group is not known for a position.</summary>
    Unknown,
    /// <summary>Non-permissive, graft-versus-host direction: the patient carries the more immunogenic TCE group.</summary>
    NonPermissiveGvH,
    /// <summary>Non-permissive, host-versus-graft direction: the donor carries the more immunogenic TCE group.</summary>
    NonPermissiveHvG,
}
