namespace DonationRegistry.Common.Errors;

/// <summary>One bad input field: its path as the client named it (e.g. <c>volunteer.id_number</c>) and why it is bad.</summary>
public sealed record FieldViolation(string Field, string Description);
