namespace DonationRegistry.FamilyCare.Domain.Visits;

/// <summary>A date and time slot a visit is scheduled to.</summary>
public readonly record struct VisitSlot(DateOnly Date, TimeSlot Slot) : IComparable<VisitSlot>
{
    public TimeOnly StartsAt => TimeSlots.StartOf(Slot);
    public TimeOnly EndsAt => TimeSlots.EndOf(Slot);

    public int CompareTo(VisitSlot other) => (Date, Slot).CompareTo((other.Date, other.Slot));

    public override string ToString() => $"{Date:yyyy-MM-dd} {Slot}";

    public static bool operator <(VisitSlot left, VisitSlot right) => left.CompareTo(right) < 0;
    public static bool operator <=(VisitSlot left, VisitSlot right) => left.CompareTo(right) <= 0;
    public static bool operator >(VisitSlot left, VisitSlot right) => left.CompareTo(right) > 0;
    public static bool operator >=(VisitSlot left, VisitSlot right) => left.CompareTo(right) >= 0;
}
