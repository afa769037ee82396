namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>One archived document: a reference to where it is kept and the SHA-256 of its content, so later changes show.</summary>
public sealed record ArchiveDocument(DocumentKind Kind, string Reference, string Sha256, string AttachedBy, DateTimeOffset AttachedAt);
