namespace DonationRegistry.FamilyCare.Domain.Aid;

/// <summary>What can happen to a student aid case.</summary>
public enum AidTrigger
{
    /// <summary>The guardian applies.</summary>
    Apply = 1,
    /// <summary>Hardship and school enrolment are verified.</summary>
    Verify = 2,
    /// <summary>A manager approves against a fund's budget of a tier.</summary>
    Approve = 3,
    /// <summary>A term's payment is made (once per term).</summary>
    Disburse = 4,
    /// <summary>The yearly review starts.</summary>
    BeginAnnualReview = 5,
    /// <summary>The review renews aid for the next year against that year's budget.</summary>
    Renew = 6,
    /// <summary>The child leaves aid (graduated, no longer eligible, declined).</summary>
    Exit = 7,
}
