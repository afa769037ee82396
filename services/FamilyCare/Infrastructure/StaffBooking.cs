using DonationRegistry.FamilyCare.Domain.Visits;

namespace DonationRegistry.FamilyCare.Infrastructure;

/// <summary>
/// A staff member taken for a date and slot by a scheduled visit. Its unique key (staff, date, slot) is the database's guard against
/// double booking when two schedules race; the domain rule checks the same thing first with a clear message.
/// </summary>
public sealed class StaffBooking(string staffId, DateOnly date, TimeSlot slot, Guid visitId)
{
    public string StaffId { get; private set; } = staffId;
    public DateOnly Date { get; private set; } = date;
    public TimeSlot Slot { get; private set; } = slot;
    public Guid VisitId { get; private set; } = visitId;

    public Booking ToBooking() => new(StaffId, new VisitSlot(Date, Slot), VisitId);
}
