namespace DonationRegistry.OrganCoordination.Domain.Memorials;

/// <summary>
/// The memorial of one donor (缅怀纪念), kept apart from the case so that the public list reads one small table: the site and, only
/// with the family's separate consent, the inscribed name. One per case.
/// </summary>
public sealed class MemorialRecord
{
    private MemorialRecord()
    {
    }

    public Guid Id { get; private set; }
    public DonationKind Donation { get; private set; }
    /// <summary>The organ, body or tissue case remembered.</summary>
    public Guid CaseId { get; private set; }
    public string RegionCode { get; private set; } = "";
    /// <summary>The organisation that ran the case (access).</summary>
    public string CaseOrgId { get; private set; } = "";
    public string Site { get; private set; } = "";
    public bool InscriptionConsented { get; private set; }
    public string? ConsentDocumentReference { get; private set; }
    /// <summary>The name to inscribe: present only with consent (PIPL Art 25).</summary>
    public string? InscribedName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";

    public static MemorialRecord For(Guid id, DonationKind donation, Guid caseId, string regionCode, string caseOrgId, Memorial memorial, Actor actor) =>
        new()
        {
            Id = id,
            Donation = donation,
            CaseId = caseId,
            RegionCode = regionCode,
            CaseOrgId = caseOrgId,
            Site = memorial.Site,
            InscriptionConsented = memorial.InscriptionConsented,
            ConsentDocumentReference = memorial.ConsentDocumentReference,
            InscribedName = memorial.InscriptionConsented ? memorial.InscribedName : null,
            RecordedAt = memorial.RecordedAt,
            RecordedBy = actor.UserId,
        };
}
