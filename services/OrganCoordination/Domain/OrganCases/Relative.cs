namespace DonationRegistry.OrganCoordination.Domain.OrganCases;

/// <summary>
/// One required relative of the deceased, identified by a reference the coordinator assigns on the consent form (e.g. "R1"); names
/// stay on the paper form, not in the record.
/// </summary>
public sealed record Relative(string Reference, RelativeKind Kind);
