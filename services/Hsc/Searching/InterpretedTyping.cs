using DonationRegistry.Hla;
using DonationRegistry.Hsc.Domain.Typings;

namespace DonationRegistry.Hsc.Searching;

/// <summary>A GL String interpreted with one release: the genotype, its resolution, and whether it can be searched (A, B, DRB1).</summary>
public sealed record InterpretedTyping(Genotype Genotype, string GlString, TypingResolution Resolution, string Release, bool Searchable);
