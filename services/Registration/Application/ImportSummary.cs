namespace DonationRegistry.Registration.Application;

/// <summary>
/// Where an import stands: rows read, registered, skipped (the person already has a live registration for that programme, made
/// earlier or by an earlier row of the same file) and rejected, of the file's data rows; on the last report <see cref="Done"/> is
/// true and <see cref="Errors"/> holds every rejected row's problems.
/// </summary>
public sealed record ImportSummary(int RowsRead, int Registered, int Skipped, int Rejected, int Total, bool Done,
    IReadOnlyList<ImportRowProblem> Errors);
