namespace DonationRegistry.Hsc.Domain.Requests;

/// <summary>Where a donor request (for one patient) stands; <see cref="DonorRequestLifecycle"/> says what may follow.</summary>
public enum DonorRequestStatus
{
    /// <summary>Opened from a search result; the donor is being re-contacted (再动员).</summary>
    Open = 1,
    /// <summary>The donor confirmed willingness; a confirmatory sample is to be requested.</summary>
    Willing = 2,
    /// <summary>A new blood sample for confirmatory typing (确认配型) was requested.</summary>
    SampleRequested = 3,
    /// <summary>The laboratory received the sample; waiting for the high-resolution result.</summary>
    SampleReceived = 4,
    /// <summary>The confirmatory typing met the configured threshold at the 10 loci.</summary>
    Passed = 5,
    /// <summary>The confirmatory typing fell short of the threshold (final).</summary>
    Failed = 6,
    /// <summary>Selected for the patient as primary or back-up donor.</summary>
    Selected = 7,
    /// <summary>A collection case runs for the request.</summary>
    InCollection = 8,
    /// <summary>The donor donated (final).</summary>
    Completed = 9,
    /// <summary>Ended by the coordinator or the collection case without a donation (final; reason recorded).</summary>
    Cancelled = 10,
    /// <summary>The donor declined, at re-contact or later (late withdrawal 悔捐) (final).</summary>
    Declined = 11,
    /// <summary>The donor could not be reached within the allowed number of attempts (final).</summary>
    ContactFailed = 12,
}
