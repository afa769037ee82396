namespace DonationRegistry.FamilyCare.Domain.Planning;

/// <summary>Why a family is on the due list, most pressing first.</summary>
public enum DueKind
{
    /// <summary>A missed visit waiting to be re-planned.</summary>
    MissedVisitToReplan = 1,
    /// <summary>A follow-up date has come.</summary>
    FollowUpDue = 2,
    /// <summary>An elderly parent not visited this quarter.</summary>
    ElderNotVisitedThisQuarter = 3,
    /// <summary>An aided child not reviewed this term.</summary>
    ChildNotReviewedThisTerm = 4,
}
