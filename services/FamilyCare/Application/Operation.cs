namespace DonationRegistry.FamilyCare.Application;

/// <summary>What a caller wants to do; <see cref="CareAccess"/> decides which roles may.</summary>
public enum Operation
{
    /// <summary>Read families, aid cases, visits, due lists and plans.</summary>
    ReadCare = 1,
    /// <summary>Record consent, members and details of families.</summary>
    ManageFamilies = 2,
    /// <summary>Identify, apply, verify, disburse, review and exit aid cases.</summary>
    ManageAid = 3,
    /// <summary>Approve and renew aid against a budget (managers).</summary>
    ApproveAid = 4,
    /// <summary>Set up funds and their yearly budgets (managers).</summary>
    ManageFunds = 5,
    /// <summary>Campaigns, visits, scheduling, outcomes, week plans.</summary>
    ManageVisits = 6,
    /// <summary>Register staff members and their regions.</summary>
    ManageStaff = 7,
}
