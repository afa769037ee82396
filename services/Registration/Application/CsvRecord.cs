namespace DonationRegistry.Registration.Application;

/// <summary>One data record: its row number in the file (header = 1) and its fields.</summary>
public sealed record CsvRecord(int Row, IReadOnlyList<string> Fields);
