namespace DonationRegistry.OrganCoordination.Domain;

/// <summary>
/// A memorial record (生命礼赞 sites, the provincial 生命礼敬园 in Hangzhou): the site and whether the donor's name may be inscribed,
/// which needs the family's separate written consent (PIPL Art 25).
/// </summary>
public sealed record Memorial(string Site, bool InscriptionConsented, string? ConsentDocumentReference, DateTimeOffset RecordedAt)
{
    /// <summary>Checks the input and returns the memorial to record.</summary>
    public static Memorial Create(string site, bool inscriptionConsented, string? consentDocumentReference, DateTimeOffset at)
    {
        site = Require.Text("memorial.site", site, 100, "请填写纪念场所。");
        var consent = Require.OptionalText("memorial.consent_document_reference", consentDocumentReference, 100, "同意书编号不超过 100 字。");
        Require.That(!inscriptionConsented || consent is not null, "memorial.consent_document_reference",
            "Inscribing the name needs the family's separate written consent.", "镌刻姓名须有家属单独的书面同意。");
        return new Memorial(site, inscriptionConsented, inscriptionConsented ? consent : null, at);
    }
}
