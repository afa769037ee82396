namespace DonationRegistry.FamilyCare.Domain.Visits;

/// <summary>The four visit slots of a working day (90 minutes each, Asia/Shanghai local time; see <see cref="TimeSlots"/>).</summary>
public enum TimeSlot
{
    Morning = 1,
    LateMorning = 2,
    Afternoon = 3,
    LateAfternoon = 4,
}
