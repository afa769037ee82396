namespace DonationRegistry.Hsc.Domain.Collection;

/// <summary>One day's G-CSF (动员剂) injection.</summary>
/// <param name="Day">The day of the injection.</param>
/// <param name="DoseMicrograms">The dose in µg.</param>
/// <param name="SideEffects">Side effects observed (optional).</param>
public sealed record GcsfDose(DateOnly Day, decimal DoseMicrograms, string? SideEffects);
