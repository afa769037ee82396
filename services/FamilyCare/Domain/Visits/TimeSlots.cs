namespace DonationRegistry.FamilyCare.Domain.Visits;

/// <summary>Local start and end times of each <see cref="TimeSlot"/>.</summary>
public static class TimeSlots
{
    public static IReadOnlyList<TimeSlot> All { get; } = [TimeSlot.Morning, TimeSlot.LateMorning, TimeSlot.Afternoon, TimeSlot.LateAfternoon];

    public static TimeOnly StartOf(TimeSlot slot) => slot switch
    {
        TimeSlot.Morning => new TimeOnly(9, 0),
        TimeSlot.LateMorning => new TimeOnly(10, 30),
        TimeSlot.Afternoon => new TimeOnly(14, 0),
        TimeSlot.LateAfternoon => new TimeOnly(15, 30),
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "Unknown time slot."),
    };

    public static TimeOnly EndOf(TimeSlot slot) => StartOf(slot).AddMinutes(90);
}
