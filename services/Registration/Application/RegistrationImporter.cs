using DonationRegistry.Common.Errors;
using DonationRegistry.Registration.Domain;
using DonationRegistry.Registration.Domain.Points;
using DonationRegistry.Registration.Domain.Registrations;
using DonationRegistry.Registration.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Registration.Application;

/// <summary>
/// Imports a registration drive's CSV (format: <see cref="ImportColumns"/>, docs/registration-import.md) at one point, as the clerk
/// would have entered each row with CreateRegistration (channel AUTHORISED_POINT): every row goes through the same validation and
/// the same factory, and becomes a <b>Draft</b> at that point. An import never witnesses, forwards or confirms anything: the intent
/// letter still has to be signed at the point and the provincial centre still confirms, one person at a time.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Authorised as <see cref="Operation.EnterRegistrations"/> at the point (its clerks, the officers of its region); the point must
/// be Active. Each registration gets its audit row ("ImportRegistrations") in the transaction that creates it.</item>
/// <item>A row whose person (keyed hash of the ID number) already has a live registration for the programme is <i>skipped</i>, whether
/// it was made earlier, by another point, or by an earlier row of the same file; so running the same file again registers nothing
/// twice. The database's unique index on live registrations is the final guard.</item>
/// <item>Rows are written <see cref="BatchSize"/> per transaction. A bad row is rejected before the batch is written; if a batch still
/// fails (e.g. the same person registered concurrently), its rows are retried one transaction each, so no good row is lost.</item>
/// <item>Progress is reported after every <see cref="ProgressEvery"/> rows and at the end with the error report (row, CSV column,
/// reason).</item>
/// </list>
/// </remarks>
public sealed partial class RegistrationImporter(RegistrationDbContext db, RegistrationCommands commands, TimeProvider clock,
    ILogger<RegistrationImporter> logger)
{
    public const int BatchSize = 250;
    public const int ProgressEvery = 500;
    /// <summary>Most data rows in one file (a drive's spreadsheet is far smaller; larger files should be split). The request itself
    /// is also bounded by gRPC's 4 MB message limit (RESOURCE_EXHAUSTED), about 25,000 typical rows.</summary>
    public const int MaxRows = 20_000;
    public const string Operation = "ImportRegistrations";

    public async Task<ImportSummary> ImportAsync(Caller caller, Guid pointId, ReadOnlyMemory<byte> csv, string? fileName,
        Func<ImportSummary, Task> progress, CancellationToken cancellationToken)
    {
        var point = await commands.PointForImportAsync(caller, ResourceNames.Point(pointId), "registration_point", cancellationToken);
        var document = CsvDocument.Parse(csv.Span);
        var reader = ImportRowReader.For(document.Header);
        if (document.Records.Count > MaxRows)
        {
            throw new ValidationFailedException("csv", $"At most {MaxRows} rows per file (this one has {document.Records.Count}); split it.",
                $"每个文件最多 {MaxRows} 行，请拆分后再导入。");
        }

        var actor = caller.ToActor();
        var errors = new List<ImportRowProblem>();
        var seen = new HashSet<(string Hash, Programme Programme)>();
        var (read, registered, skipped, rejected) = (0, 0, 0, 0);
        var total = document.Records.Count;
        var nextReport = ProgressEvery;
        foreach (var batch in document.Records.Chunk(BatchSize))
        {
            var prepared = new List<PreparedRow>();
            foreach (var record in batch)
            {
                var (row, problems) = reader.Read(record);
                var ready = row is null ? null : Prepare(row, point, errors);
                if (row is null)
                {
                    errors.AddRange(problems);
                    rejected++;
                }
                else if (ready is null)
                {
                    rejected++;
                }
                else if (!seen.Add((Convert.ToHexString(ready.Hash), ready.Row.Programme)))
                {
                    skipped++;
                }
                else
                {
                    prepared.Add(ready);
                }
            }

            var live = await LiveAsync(prepared, cancellationToken);
            var fresh = prepared.Where(p => !live.Contains((Convert.ToHexString(p.Hash), p.Row.Programme))).ToList();
            skipped += prepared.Count - fresh.Count;
            var (created, duplicates, failed) = await WriteAsync(point, fresh, actor, errors, cancellationToken);
            registered += created;
            skipped += duplicates;
            rejected += failed;
            read += batch.Length;
            if (read >= nextReport && read < total)
            {
                nextReport = (read / ProgressEvery + 1) * ProgressEvery;
                await progress(new ImportSummary(read, registered, skipped, rejected, total, false, []));
            }
        }
        var summary = new ImportSummary(read, registered, skipped, rejected, total, true, [.. errors.OrderBy(e => e.Row)]);
        LogImported(logger, fileName ?? "", point.Code, caller.Subject, total, registered, skipped, rejected);
        await progress(summary);
        return summary;
    }

    /// <summary>A row that passed validation: the values as CreateRegistration stores them.</summary>
    private sealed record PreparedRow(ImportedRow Row, RegistrationCommands.ValidatedDraft Draft)
    {
        public byte[] Hash => Draft.IdNumber.LookupHash;
    }

    /// <summary>
    /// Validates a row with CreateRegistration's own checks (<see cref="RegistrationCommands.ValidateDraft"/>); problems are reported
    /// under the CSV column that feeds the field (an age problem of a resident ID under 证件号码 when no 出生日期 was given, since the
    /// birth date came from the number).
    /// </summary>
    private PreparedRow? Prepare(ImportedRow row, RegistrationPoint point, List<ImportRowProblem> errors)
    {
        var v = new List<FieldViolation>();
        var draft = commands.ValidateDraft(row.ToInput(ResourceNames.Point(point.Id)), v);
        if (draft is null)
        {
            errors.AddRange(v.Select(x => new ImportRowProblem(row.Row, Column(row, x.Field), x.Description)));
            return null;
        }
        return new PreparedRow(row, draft);
    }

    private static string Column(ImportedRow row, string field)
    {
        var column = ImportColumns.ForField(field);
        return column == ImportColumns.BirthDate && row.Person.BirthDate is null && row.Person.IdType == IdType.ResidentId
            ? ImportColumns.IdNumber
            : column;
    }

    /// <summary>(hash, programme) of the prepared rows' people who already have a live registration.</summary>
    private async Task<HashSet<(string, Programme)>> LiveAsync(List<PreparedRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var hashes = rows.Select(r => r.Hash).ToList();
        var live = RegistrationLifecycle.Live.ToList();
        var found = await db.Registrations.AsNoTracking()
            .Where(r => hashes.Contains(r.Volunteer.IdNumberHash) && live.Contains(r.Status))
            .Select(r => new { r.Volunteer.IdNumberHash, r.Programme })
            .ToListAsync(cancellationToken);
        return [.. found.Select(f => (Convert.ToHexString(f.IdNumberHash), f.Programme))];
    }

    /// <summary>
    /// Writes the rows as drafts in one transaction; if that fails, one transaction per row, where a row whose person was registered
    /// meanwhile (the live-registration index) is skipped and any other failure rejects that row alone.
    /// </summary>
    private async Task<(int Created, int Duplicates, int Failed)> WriteAsync(RegistrationPoint point, List<PreparedRow> rows, Actor actor,
        List<ImportRowProblem> errors, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return (0, 0, 0);
        }
        var unitOfWork = new UnitOfWork(db);
        try
        {
            await unitOfWork.RunAsync(_ => Task.FromResult(AddDrafts(point, rows, actor)), cancellationToken);
            db.ChangeTracker.Clear();
            return (rows.Count, 0, 0);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
        var (created, duplicates, failed) = (0, 0, 0);
        foreach (var row in rows)
        {
            try
            {
                await unitOfWork.RunAsync(_ => Task.FromResult(AddDrafts(point, [row], actor)), cancellationToken);
                created++;
            }
            catch (DbUpdateException ex) when (PointCommands.IsUniqueViolation(ex, LiveRegistrationIndex.Name))
            {
                duplicates++;
            }
            catch (DbUpdateException ex)
            {
                failed++;
                errors.Add(new ImportRowProblem(row.Row.Row, ImportColumns.IdNumber, "Could not be stored: " + (ex.InnerException?.Message ?? ex.Message)));
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return (created, duplicates, failed);
    }

    private int AddDrafts(RegistrationPoint point, IEnumerable<PreparedRow> rows, Actor actor)
    {
        var at = clock.GetUtcNow();
        var count = 0;
        foreach (var row in rows)
        {
            commands.AddDraft(point, row.Draft, actor, at, Operation);
            count++;
        }
        return count;
    }

    // Counts only: the file name is the clerk's, and no row content (names, ID numbers) is ever logged.
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Import {FileName} at {PointCode} by {UserId}: {Total} rows, {Registered} registered, {Skipped} skipped, {Rejected} rejected")]
    private static partial void LogImported(ILogger logger, string fileName, string pointCode, string userId, int total, int registered,
        int skipped, int rejected);
}
