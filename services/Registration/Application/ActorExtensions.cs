using DonationRegistry.Registration.Domain;
using DonationRegistry.ServiceDefaults;

namespace DonationRegistry.Registration.Application;

public static class ActorExtensions
{
    /// <summary>The caller as the domain records them on every change.</summary>
    public static Actor ToActor(this Caller caller) => new(caller.Subject, caller.Role, caller.OrgId, caller.Region);
}
