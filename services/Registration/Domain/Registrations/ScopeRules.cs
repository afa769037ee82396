namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>Which scopes belong to which programme.</summary>
public static class ScopeRules
{
    private static readonly DonationScope[] OrganScopes =
        [DonationScope.Heart, DonationScope.Lung, DonationScope.Liver, DonationScope.Kidney, DonationScope.Pancreas,
         DonationScope.SmallIntestine, DonationScope.AllOrgans];

    public static bool Belongs(Programme programme, DonationScope scope) =>
        programme == Programme.Organ ? OrganScopes.Contains(scope) : !OrganScopes.Contains(scope);

    /// <summary>Body donation needs an executor.</summary>
    public static bool NeedsExecutor(IEnumerable<DonationScope> scope) => scope.Contains(DonationScope.Body);
}
