namespace DonationRegistry.FamilyCare.Domain.Visits;

/// <summary>One broken scheduling rule (<see cref="CareRules"/> code), naming the staff member concerned.</summary>
public sealed record SchedulingViolation(string Rule, string? StaffId, string Message);
