namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>Donation programme of a registration (三献 less HSC, which the HSC service owns).</summary>
public enum Programme
{
    /// <summary>人体器官捐献.</summary>
    Organ = 1,
    /// <summary>遗体、组织捐献.</summary>
    BodyAndTissue = 2,
}
