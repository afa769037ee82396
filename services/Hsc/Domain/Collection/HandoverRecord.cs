namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>Step 5 造血干细胞采集与交接: the sessions and the hand-over of the product, witnessed by the city Red Cross.</summary>
/// <param name="Sessions">The apheresis sessions (1–3).</param>
/// <param name="ProductId">The product's label id.</param>
/// <param name="HandedOverAt">When the courier took the product.</param>
/// <param name="Courier">Who carried it.</param>
/// <param name="ReceivingCentre">The transplant centre that receives it.</param>
/// <param name="ExportPapers">References of the export documents (international donations; empty otherwise).</param>
/// <param name="Witness">The city Red Cross staff member who witnessed the hand-over (staff reference).</param>
public sealed record HandoverRecord(
    IReadOnlyList<ApheresisSession> Sessions, string ProductId, DateTimeOffset HandedOverAt, string Courier, string ReceivingCentre,
    IReadOnlyList<string> ExportPapers, string Witness);
