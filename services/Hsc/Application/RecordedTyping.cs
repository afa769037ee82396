using DonationRegistry.Hsc.Domain.Donors;
using DonationRegistry.Hsc.Domain.Typings;

namespace DonationRegistry.Hsc.Application;

/// <summary>A donor after a typing was recorded, with that typing.</summary>
public sealed record RecordedTyping(Donor Donor, TypingRecord Typing);
