namespace DonationRegistry.OrganCoordination.Domain.TissueCases;

/// <summary>The tissues donated after death outside an organ case.</summary>
public enum TissueKind
{
    /// <summary>角膜, to an eye bank.</summary>
    Cornea = 1,
    /// <summary>脑组织, to the national brain bank at Zhejiang University.</summary>
    Brain = 2,
}
