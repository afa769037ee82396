namespace DonationRegistry.OrganCoordination.Domain;

/// <summary>
/// A memorial record (缅怀纪念; 生命礼赞 sites, the provincial 生命礼敬园 in Hangzhou): the site and, only with the family's separate
/// written consent (PIPL Art 25), the name to inscribe. Without that consent no name is kept at all.
/// </summary>
public sealed record Memorial(string Site, bool InscriptionConsented, string? ConsentDocumentReference, string? InscribedName,
    DateTimeOffset RecordedAt)
{
    /// <summary>Checks the input and returns the memorial to record.</summary>
    public static Memorial Create(string site, bool inscriptionConsented, string? consentDocumentReference, string? inscribedName,
        DateTimeOffset at)
    {
        site = Require.Text("memorial.site", site, 100, "请填写纪念场所。");
        var consent = Require.OptionalText("memorial.consent_document_reference", consentDocumentReference, 100, "同意书编号不超过 100 字。");
        var name = Require.OptionalText("memorial.inscribed_name", inscribedName, 50, "镌刻姓名不超过 50 字。");
        Require.That(!inscriptionConsented || consent is not null, "memorial.consent_document_reference",
            "Inscribing the name needs the family's separate written consent.", "镌刻姓名须有家属单独的书面同意。");
        Require.That(inscriptionConsented || name is null, "memorial.inscribed_name",
            "No name may be inscribed (or kept) without the family's separate consent.", "未经家属单独同意，不得镌刻或保存姓名。");
        Require.That(!inscriptionConsented || name is not null, "memorial.inscribed_name",
            "Give the name the family consented to inscribe.", "请填写家属同意镌刻的姓名。");
        return new Memorial(site, inscriptionConsented, inscriptionConsented ? consent : null, name, at);
    }
}
