namespace DonationRegistry.OrganCoordination.Domain.OrganCases;

/// <summary>The near relatives whose joint written consent the law requires (条例 Art 10).</summary>
public enum RelativeKind
{
    Spouse = 1,
    AdultChild = 2,
    Parent = 3,
}
