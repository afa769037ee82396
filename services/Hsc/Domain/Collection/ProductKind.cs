namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>What is collected.</summary>
public enum ProductKind
{
    /// <summary>Peripheral blood stem cells (外周血造血干细胞), after G-CSF mobilisation.</summary>
    Pbsc = 1,
    /// <summary>Bone marrow (骨髓).</summary>
    BoneMarrow = 2,
    /// <summary>Lymphocytes for a donor lymphocyte infusion (DLI); only in a second donation.</summary>
    Lymphocytes = 3,
}
