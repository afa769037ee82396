namespace DonationRegistry.FamilyCare.Domain.Visits;

/// <summary>
/// The scheduling rules of DOMAIN.md section 5, as pure checks: at least one staff member, each listed once, each serving the family's
/// region, and none already booked for the slot by another visit. Used by <see cref="Visit.Schedule"/> and by the auto-planner's tests.
/// </summary>
public static class SchedulingRules
{
    public static IReadOnlyList<SchedulingViolation> Check(
        Guid visitId, string familyRegion, VisitSlot slot, IReadOnlyList<StaffMember> staff, IEnumerable<Booking> bookings)
    {
        var violations = new List<SchedulingViolation>();
        if (staff.Count == 0)
        {
            violations.Add(new SchedulingViolation(CareRules.NoStaff, null, "A visit needs at least one staff member."));
            return violations;
        }
        var taken = bookings.Where(b => b.Slot == slot && b.VisitId != visitId).Select(b => b.StaffId).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in staff)
        {
            if (!seen.Add(member.Id))
            {
                violations.Add(new SchedulingViolation(CareRules.StaffListedTwice, member.Id, $"Staff member {member.Id} is listed twice."));
            }
            if (!member.Serves(familyRegion))
            {
                violations.Add(new SchedulingViolation(CareRules.StaffOutsideRegion, member.Id,
                    $"Staff member {member.Id} works in region {member.Region}, which does not contain the family's region {familyRegion}."));
            }
            if (taken.Contains(member.Id))
            {
                violations.Add(new SchedulingViolation(CareRules.StaffDoubleBooked, member.Id,
                    $"Staff member {member.Id} already has a visit at {slot}."));
            }
        }
        return violations;
    }

    /// <summary>Throws the first violation as <see cref="CareRuleException"/> (FAILED_PRECONDITION).</summary>
    public static void Ensure(Guid visitId, string familyRegion, VisitSlot slot, IReadOnlyList<StaffMember> staff, IEnumerable<Booking> bookings)
    {
        if (Check(visitId, familyRegion, slot, staff, bookings) is [var first, ..])
        {
            throw new CareRuleException(first.Rule, first.Message, first.Rule switch
            {
                CareRules.StaffDoubleBooked => "该工作人员在此时段已有走访安排。",
                CareRules.StaffOutsideRegion => "该工作人员不负责该家庭所在地区。",
                CareRules.StaffListedTwice => "同一工作人员重复列出。",
                _ => "走访须至少安排一名工作人员。",
            });
        }
    }

    /// <summary>One visit per family per campaign: ALREADY_EXISTS when the family already has one.</summary>
    public static void EnsureOnePerCampaign(Guid familyId, Guid campaignId, IEnumerable<(Guid FamilyId, Guid? CampaignId)> existing)
    {
        if (existing.Any(v => v.FamilyId == familyId && v.CampaignId == campaignId))
        {
            throw new DuplicateException($"Family {familyId} already has a visit in campaign {campaignId}.", "该家庭在本次活动中已有走访安排。");
        }
    }
}
