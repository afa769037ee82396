namespace DonationRegistry.Registration.Application;

/// <summary>Why a row was rejected: its row number (header = 1), the CSV column at fault and the reason.</summary>
public sealed record ImportRowProblem(int Row, string Field, string Reason);
