namespace DonationRegistry.OrganCoordination.Domain.OrganCases;

/// <summary>What the Registration service's registry holds for the potential donor.</summary>
public enum RegistryAnswer
{
    /// <summary>A live registration of intent to donate (it informs the family approach; it never advances the case by itself).</summary>
    Registered = 1,
    /// <summary>A recorded written objection: the case closes (条例 Art 9).</summary>
    Objection = 2,
    /// <summary>Nothing recorded: the family decides.</summary>
    None = 3,
}
