using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using DonationRegistry.Hla;
using DonationRegistry.Hsc.Domain.Donors;
using DonationRegistry.Hsc.Domain.Typings;
using DonationRegistry.Hsc.Infrastructure;
using DonationRegistry.Hsc.Searching;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Hsc.Application;

/// <summary>
/// Records typings (GL String, HML upload, CSV import). Every typing is interpreted with the release in use BEFORE anything is
/// written: one bad token refuses the whole request with INVALID_ARGUMENT naming the field and the token, and nothing is stored.
/// A recorded typing supersedes the donor's current one (history kept) and is applied to the search index after the commit.
/// </summary>
public sealed class TypingCommands(HscDbContext db, UnitOfWork unitOfWork, AuditLog audit, IndexSync indexSync, HlaEngine engine,
    TimeProvider clock)
{
    public const int MaxGlStringLength = 20_000;
    public const int MaxBatch = 20_000;

    public async Task<(Donor Donor, TypingRecord Typing)> RecordGlStringAsync(Caller caller, Guid donorId, string? glString, TypingMethod method,
        string? laboratoryRelease, string? etag, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ManageDonors);
        var text = (glString ?? "").Trim();
        if (text.Length == 0 || text.Length > MaxGlStringLength)
        {
            throw new ValidationFailedException("gl_string", $"Give the typing as a GL String (1–{MaxGlStringLength} characters).",
                "请填写 GL String 格式的分型结果。");
        }
        var input = new TypingInput("gl_string", donorId, null, TypingSource.GlString, text, text, method, Release(laboratoryRelease));
        var recorded = await RecordAsync(caller, [input], etag, cancellationToken);
        return (recorded[0].Donor, recorded[0].Typing);
    }

    public async Task<IReadOnlyList<RecordedTyping>> UploadHmlAsync(Caller caller, ReadOnlyMemory<byte> hml, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ManageDonors);
        var inputs = HmlTypings.Read(hml);
        return await RecordAsync(caller, inputs, null, cancellationToken);
    }

    public async Task<IReadOnlyList<RecordedTyping>> ImportCsvAsync(Caller caller, ReadOnlyMemory<byte> csv, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ManageDonors);
        var inputs = CsvTypings.Read(csv, MaxBatch);
        return await RecordAsync(caller, inputs, null, cancellationToken);
    }

    /// <summary>The donor's current typing, for answers after a lifecycle change.</summary>
    public Task<TypingRecord?> CurrentTypingAsync(Donor donor, CancellationToken cancellationToken) =>
        donor.CurrentTypingId is { } id
            ? db.Typings.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            : Task.FromResult<TypingRecord?>(null);

    private async Task<IReadOnlyList<RecordedTyping>> RecordAsync(Caller caller, IReadOnlyList<TypingInput> inputs, string? etag,
        CancellationToken cancellationToken)
    {
        if (inputs.Count == 0)
        {
            throw new ValidationFailedException("typings", "The request holds no typing.", "没有分型结果。");
        }
        // Interpret everything first: nothing is written unless every typing is valid.
        var violations = new List<FieldViolation>();
        var interpreted = new List<InterpretedTyping>(inputs.Count);
        foreach (var input in inputs)
        {
            try
            {
                interpreted.Add(engine.Interpret(input.GlString));
            }
            catch (HlaTypingException ex)
            {
                violations.Add(new FieldViolation(input.Field, Describe(ex)));
            }
        }
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations, "分型结果无法识别，请检查标出的内容。");
        }

        var recorded = await unitOfWork.RunAsync(async ct =>
        {
            var donors = await LoadDonorsAsync(inputs, ct);
            var now = clock.GetUtcNow();
            var actor = caller.ToActor();
            var result = new List<RecordedTyping>(inputs.Count);
            var currentIds = donors.Values.Where(d => d.CurrentTypingId != null).Select(d => d.CurrentTypingId!.Value).ToList();
            var currents = await db.Typings.Where(t => currentIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
            for (var i = 0; i < inputs.Count; i++)
            {
                var input = inputs[i];
                var donor = donors[i];
                AccessPolicy.Require(caller, Operation.ManageDonors, donor.RegionCode);
                if (!string.IsNullOrEmpty(etag) && etag != DonorCommands.ETag(donor))
                {
                    throw new ConcurrentEditException("Donor", ResourceNames.Donor(donor.Id), "捐献者已被他人修改，请刷新后重试。");
                }
                var typing = new TypingRecord(Guid.CreateVersion7(now), donor.Id, input.Source, input.OriginalText, interpreted[i].GlString,
                    input.Method, interpreted[i].Resolution, interpreted[i].Release, input.LaboratoryRelease, now, caller.Subject);
                if (donor.CurrentTypingId is { } previous && currents.TryGetValue(previous, out var old))
                {
                    old.Supersede(now);
                }
                donor.RecordTyping(typing.Id, interpreted[i].Searchable, now);
                db.Typings.Add(typing);
                audit.Changed(input.Source switch
                {
                    TypingSource.Hml => "UploadHml",
                    TypingSource.Csv => "ImportTypingsCsv",
                    _ => "RecordTyping",
                }, AuditSubjects.Donor, donor.Id, actor, $"typing {typing.Id} ({input.Method}, {interpreted[i].Release})");
                result.Add(new RecordedTyping(donor, typing));
            }
            return result;
        }, cancellationToken);
        await indexSync.ApplyAsync([.. recorded.Select(r => r.Donor.Id)], cancellationToken);
        return recorded;
    }

    /// <summary>The donors of <paramref name="inputs"/>, by position; a missing or repeated donor is bad input.</summary>
    private async Task<Dictionary<int, Donor>> LoadDonorsAsync(IReadOnlyList<TypingInput> inputs, CancellationToken ct)
    {
        var ids = inputs.Where(i => i.DonorId != null).Select(i => i.DonorId!.Value).ToList();
        var sampleIds = inputs.Where(i => i.SampleId != null).Select(i => i.SampleId!).ToList();
        // A sample reference may also be the volunteer id itself.
        ids.AddRange(sampleIds.Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty));
        var found = await db.Donors.Where(d => ids.Contains(d.Id) || (d.SampleId != null && sampleIds.Contains(d.SampleId))).ToListAsync(ct);
        var byId = found.ToDictionary(d => d.Id);
        var bySample = found.Where(d => d.SampleId != null).ToDictionary(d => d.SampleId!, StringComparer.Ordinal);
        var violations = new List<FieldViolation>();
        var result = new Dictionary<int, Donor>();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            Donor? donor = null;
            if (input.DonorId is { } id)
            {
                donor = byId.GetValueOrDefault(id);
                if (donor is null && input.Source == TypingSource.GlString)
                {
                    throw new NotFoundException("Donor", ResourceNames.Donor(id), "未找到该捐献者。");
                }
            }
            else if (input.SampleId is { } sample)
            {
                donor = bySample.GetValueOrDefault(sample) ?? (Guid.TryParse(sample, out var g) ? byId.GetValueOrDefault(g) : null);
            }
            if (donor is null)
            {
                violations.Add(new FieldViolation(input.Field, $"'{input.SampleId ?? input.DonorId?.ToString()}': no donor has this sample id."));
            }
            else if (!seen.Add(donor.Id))
            {
                violations.Add(new FieldViolation(input.Field, $"'{input.SampleId}': the donor appears twice in this request."));
            }
            else
            {
                result[i] = donor;
            }
        }
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations, "部分样本编号找不到对应的捐献者。");
        }
        return result;
    }

    internal static string Describe(HlaTypingException ex) =>
        ex.Replacement is null ? $"'{ex.Token}': {ex.Reason}" : $"'{ex.Token}': {ex.Reason} (now {ex.Replacement})";

    private static string? Release(string? laboratoryRelease) =>
        string.IsNullOrWhiteSpace(laboratoryRelease) ? null : laboratoryRelease.Trim() is { Length: <= 16 } r ? r
            : throw new ValidationFailedException("laboratory_release", "At most 16 characters, e.g. \"3.58.0\".");
}
