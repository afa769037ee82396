namespace DonationRegistry.Hsc.Domain.Requests;

/// <summary>What can happen to a donor request; <see cref="DonorRequestLifecycle"/> says where each is allowed.</summary>
public enum DonorRequestTrigger
{
    /// <summary>A re-contact attempt that did not reach a decision (unreachable or temporarily unavailable).</summary>
    RecordNoDecision = 1,
    /// <summary>The donor said yes at re-contact.</summary>
    ConfirmWilling = 2,
    /// <summary>The donor said no (at re-contact, or later: 悔捐).</summary>
    Decline = 3,
    /// <summary>The limit of attempts without a decision was reached.</summary>
    GiveUpContact = 4,
    RequestSample = 5,
    ReceiveSample = 6,
    /// <summary>The confirmatory typing met the threshold.</summary>
    PassConfirmatory = 7,
    /// <summary>The confirmatory typing fell short.</summary>
    FailConfirmatory = 8,
    /// <summary>Selected as primary or back-up (again: switch between the two).</summary>
    Select = 9,
    StartCollection = 10,
    Complete = 11,
    Cancel = 12,
}
