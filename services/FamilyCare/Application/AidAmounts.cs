using DonationRegistry.FamilyCare.Domain.Aid;
using DonationRegistry.FamilyCare.Domain.Families;

namespace DonationRegistry.FamilyCare.Application;

/// <summary>Reads the yearly aid amount per stage from configuration (FamilyCare:AidAmounts:{Stage} = yuan).</summary>
public static class AidAmounts
{
    public const string Section = "FamilyCare:AidAmounts";

    public static AidAmountTable From(IConfiguration configuration)
    {
        var table = new Dictionary<SchoolStage, decimal>();
        foreach (var stage in Enum.GetValues<SchoolStage>())
        {
            if (configuration.GetValue<decimal?>($"{Section}:{stage}") is { } yuan)
            {
                table[stage] = yuan;
            }
        }
        return new AidAmountTable(table);
    }
}
