namespace DonationRegistry.Hsc.Domain.Donors;

/// <summary>What can happen to a donor; <see cref="DonorLifecycle"/> says where each is allowed.</summary>
public enum DonorTrigger
{
    RecordSample = 1,
    RecordTyping = 2,
    MakeAvailable = 3,
    Defer = 4,
    Reinstate = 5,
    Reserve = 6,
    Release = 7,
    RecordDonation = 8,
    PermanentlyDefer = 9,
    Withdraw = 10,
    AgeOut = 11,
}
