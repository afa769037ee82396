namespace DonationRegistry.FamilyCare.Domain.Visits;

/// <summary>A staff member taken for a slot by a visit (the double-booking rule looks at these).</summary>
public sealed record Booking(string StaffId, VisitSlot Slot, Guid VisitId);
