namespace DonationRegistry.OrganCoordination.Domain;

/// <summary>The kinds of donation after death this service runs cases for (statistics, due lists, memorials, receiving units).</summary>
public enum DonationKind
{
    /// <summary>人体器官捐献.</summary>
    Organ = 1,
    /// <summary>遗体捐献.</summary>
    Body = 2,
    /// <summary>角膜捐献.</summary>
    Cornea = 3,
    /// <summary>脑组织捐献.</summary>
    Brain = 4,
}
