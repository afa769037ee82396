using DonationRegistry.Hsc.Domain;
using DonationRegistry.ServiceDefaults;

namespace DonationRegistry.Hsc.Application;

public static class ActorExtensions
{
    /// <summary>The caller as the service records them on every change.</summary>
    public static Actor ToActor(this Caller caller) => new(caller.Subject, caller.Role, caller.OrgId, caller.Region);
}
