namespace DonationRegistry.FamilyCare.Domain.Visits;

/// <summary>Why a visit happens (DOMAIN.md section 5).</summary>
public enum CampaignKind
{
    /// <summary>红十字博爱送万家: Spring Festival visits with consolation money and goods, HSC donors included.</summary>
    SpringFestival = 1,
    /// <summary>重阳: Double Ninth visits to elderly parents.</summary>
    DoubleNinth = 2,
    /// <summary>Memorial day: families of deceased donors (organ, body, tissue).</summary>
    MemorialDay = 3,
    /// <summary>Routine care from the due list (quarterly elderly visits, term reviews, follow-ups).</summary>
    Routine = 4,
}
