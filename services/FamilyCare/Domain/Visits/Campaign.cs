using DonationRegistry.FamilyCare.Domain.Families;

namespace DonationRegistry.FamilyCare.Domain.Visits;

/// <summary>
/// A visiting campaign over a region and date range. It plans one visit per enrolled family in scope (never a second one for a family
/// that already has a visit in the campaign): Spring Festival every family (HSC donors included), Double Ninth families with elderly
/// parents, memorial day the families of deceased donors, routine every family.
/// </summary>
public sealed class Campaign
{
    private Campaign()
    {
        Name = Region = "";
    }

    public Guid Id { get; private set; }
    public CampaignKind Kind { get; private set; }
    public string Name { get; private set; }
    public string Region { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }

    public static Campaign Create(Guid id, CampaignKind kind, string name, string region, DateOnly startsOn, DateOnly endsOn)
    {
        var violations = new List<FieldViolation>();
        if (string.IsNullOrWhiteSpace(name))
        {
            violations.Add(new FieldViolation("campaign.display_name", "A campaign needs a name."));
        }
        if (!RegionCodes.IsZhejiang(region))
        {
            violations.Add(new FieldViolation("campaign.region", $"'{region}' is not a Zhejiang region code."));
        }
        if (endsOn < startsOn)
        {
            violations.Add(new FieldViolation("campaign.end_date", "The campaign cannot end before it starts."));
        }
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }
        return new Campaign { Id = id, Kind = kind, Name = name.Trim(), Region = region, StartsOn = startsOn, EndsOn = endsOn };
    }

    /// <summary>Whether <paramref name="family"/> belongs to this campaign.</summary>
    public bool Includes(Family family) =>
        family.Status == FamilyStatus.Enrolled && RegionCodes.Contains(Region, family.Region) && Kind switch
        {
            CampaignKind.DoubleNinth => family.Elders.Count > 0,
            CampaignKind.MemorialDay => family.Source != ReferralSource.HscDonation,
            _ => true,
        };

    /// <summary>Planned visits for the families in scope that have none in this campaign yet, in family-id order.</summary>
    public IReadOnlyList<Visit> PlanVisits(IEnumerable<Family> families, IReadOnlySet<Guid> alreadyPlanned, Func<Guid> newId) =>
        [.. families.Where(f => Includes(f) && !alreadyPlanned.Contains(f.Id))
            .OrderBy(f => f.Id)
            .Select(f => Visit.Plan(newId(), f.Id, f.Region, f.CivilAffairsAssistance, Kind, Id))];
}
