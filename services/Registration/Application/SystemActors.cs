using DonationRegistry.Registration.Domain;

namespace DonationRegistry.Registration.Application;

/// <summary>Actors recorded for changes that no user made directly (events from other services).</summary>
public static class SystemActors
{
    /// <summary>A change caused by an OrganCoordination event (death of a registrant, case outcome).</summary>
    public static Actor OrganCoordination { get; } = new("system:organ-coordination", Common.Roles.Service, null, null);
}
