using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DonationRegistry.Common;
using DonationRegistry.Common.Errors;
using DonationRegistry.Hla;
using DonationRegistry.Hla.Matching;
using DonationRegistry.Hsc.Domain.Donors;
using DonationRegistry.Hsc.Domain.Requests;
using DonationRegistry.Hsc.Domain.Typings;
using DonationRegistry.Hsc.Infrastructure;
using DonationRegistry.Hsc.Searching;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DonationRegistry.Hsc.Application.Requests;

/// <summary>
/// Changes of donor requests, each one transaction with its audit rows, the donor's reservation or release and its event (outbox).
/// Input is checked before anything is read or written; after the commit the donor is applied to this replica's search index.
/// </summary>
public sealed partial class DonorRequestCommands(HscDbContext db, UnitOfWork unitOfWork, AuditLog audit, DonorReservations reservations,
    HlaEngine engine, IndexSync indexSync, IOptions<DonorRequestOptions> options, TimeProvider clock)
{
    public const string Subject = "donor_request";

    /// <summary>How far in the future an attempt time may lie (clock skew between a phone and the server).</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public async Task<DonorRequest> OpenAsync(Caller caller, string? searchName, string? donorName, string? transplantCentre,
        string? cityRegion, string? requestId, CancellationToken cancellationToken)
    {
        RequestAccess.Require(caller, RequestOperation.Drive);
        var v = new List<FieldViolation>();
        var searchId = Parse(() => ResourceNames.ParseSearch(searchName, "search"), v);
        var donorId = Parse(() => ResourceNames.ParseDonor(donorName, "donor"), v);
        var centre = (transplantCentre ?? "").Trim();
        if (centre.Length is 0 or > DonorRequest.MaxCentreLength)
        {
            v.Add(new FieldViolation("transplant_centre", $"Name the transplant centre (1–{DonorRequest.MaxCentreLength} characters)."));
        }
        var city = string.IsNullOrWhiteSpace(cityRegion) ? caller.Region ?? "" : cityRegion.Trim();
        if (!IsCity(city))
        {
            v.Add(new FieldViolation("city_region", $"'{city}': expected the six-digit code of a Zhejiang city, e.g. 330200."));
        }
        Guid? id = null;
        if (!string.IsNullOrWhiteSpace(requestId))
        {
            id = Guid.TryParse(requestId, out var g) && g != Guid.Empty ? g
                : Add<Guid?>(v, "request_id", $"'{requestId}': expected a UUID.");
        }
        ThrowIfAny(v);
        if (!AccessPolicy.Covers(caller, city))
        {
            throw new AccessDeniedException($"You may not open donor requests for city {city}.", "您无权为该城市提出申请。");
        }
        var actor = caller.ToActor();
        var request = await unitOfWork.RunAsync(async ct =>
        {
            if (id is { } existingId && await db.DonorRequests.FirstOrDefaultAsync(r => r.Id == existingId, ct) is { } existing)
            {
                // A retry of the same create returns what it made; anything else under that id is a conflict.
                return existing.DonorId == donorId && existing.SearchId == searchId && RequestAccess.Covers(caller, existing)
                    ? existing
                    : throw new DuplicateException($"request_id '{existingId}' was used for another donor request.", "该请求编号已被使用。");
            }
            var search = await db.Searches.AsNoTracking().FirstOrDefaultAsync(s => s.Id == searchId, ct)
                ?? throw new NotFoundException("Search", ResourceNames.Search(searchId), "未找到该检索。");
            var matches = JsonSerializer.Deserialize<List<StoredMatch>>(search.ResultsJson, SearchCommands.Json) ?? [];
            if (!matches.Any(m => m.DonorId == donorId))
            {
                throw new ValidationFailedException("donor", $"'{ResourceNames.Donor(donorId)}' is not among the results of {ResourceNames.Search(searchId)}.",
                    "该捐献者不在此检索结果中。");
            }
            var donor = await db.Donors.FirstOrDefaultAsync(d => d.Id == donorId, ct)
                ?? throw new NotFoundException("Donor", ResourceNames.Donor(donorId), "未找到该捐献者。");
            if (!DonorHold.RequestableStates.Contains(donor.Status))
            {
                throw new IllegalTransitionException(donor.Status.ToString(), "OpenDonorRequest", [],
                    $"捐献者当前状态为“{donor.Status}”，不能提出申请。");
            }
            var active = DonorRequestLifecycle.Active.ToArray();
            if (await db.DonorRequests.AnyAsync(r => r.DonorId == donorId && r.PatientReference == search.PatientReference
                && active.Contains(r.Status), ct))
            {
                throw new DuplicateException($"An active request for this donor and patient {search.PatientReference} exists.",
                    "该捐献者已有针对此患者的有效申请。");
            }
            var now = clock.GetUtcNow();
            var opened = new DonorRequest(id ?? Guid.CreateVersion7(now), donorId, donor.RegionCode, searchId, search.PatientReference,
                centre, city, actor, now);
            db.DonorRequests.Add(opened);
            reservations.HoldFor(donor, opened, actor);
            audit.Changed("OpenDonorRequest", Subject, opened.Id, actor, $"donor {donorId}, search {searchId}");
            audit.Changed("OpenDonorRequest", AuditSubjects.Donor, donorId, actor, $"donor request {opened.Id}");
            return opened;
        }, cancellationToken);
        await indexSync.ApplyAsync([request.DonorId], cancellationToken);
        return request;
    }

    public Task<DonorRequest> RecordReContactAsync(Caller caller, Guid requestId, ContactChannel? channel, ReContactOutcome? outcome,
        DateTimeOffset? attemptTime, string? etag, CancellationToken cancellationToken)
    {
        RequestAccess.Require(caller, RequestOperation.RecordAttempt);
        var v = new List<FieldViolation>();
        if (channel is null || !Enum.IsDefined(channel.Value))
        {
            v.Add(new FieldViolation("channel", "Choose how the donor was contacted (PHONE, TEXT_MESSAGE, VISIT, MESSAGING, LETTER)."));
        }
        if (outcome is null || !Enum.IsDefined(outcome.Value))
        {
            v.Add(new FieldViolation("outcome", "Choose the outcome (WILLING, DECLINED, UNREACHABLE, TEMPORARILY_UNAVAILABLE)."));
        }
        var now = clock.GetUtcNow();
        if (attemptTime > now + Skew)
        {
            v.Add(new FieldViolation("attempt_time", "The attempt cannot lie in the future."));
        }
        ThrowIfAny(v);
        return ChangeAsync(caller, RequestOperation.RecordAttempt, requestId, etag, "RecordReContactAttempt", (request, at, _) =>
        {
            var when = attemptTime ?? at;
            if (when < request.OpenedAt)
            {
                throw new ValidationFailedException("attempt_time", "The attempt cannot lie before the request was opened.");
            }
            request.RecordReContact(new ReContactAttempt(Guid.CreateVersion7(at), when, caller.Subject, caller.Role, caller.OrgId,
                channel!.Value, outcome!.Value), Math.Clamp(options.Value.MaxUndecidedAttempts, 1, 20));
            return Task.FromResult<string?>($"{channel} {outcome}");
        }, cancellationToken);
    }

    public Task<DonorRequest> RecordSampleAsync(Caller caller, Guid requestId, bool? received, string? sampleId, string? etag,
        CancellationToken cancellationToken)
    {
        RequestAccess.Require(caller, RequestOperation.Drive);
        var v = new List<FieldViolation>();
        if (received is null)
        {
            v.Add(new FieldViolation("stage", "Choose REQUESTED or RECEIVED."));
        }
        var sample = (sampleId ?? "").Trim();
        if (received == true && !SampleIdPattern().IsMatch(sample))
        {
            v.Add(new FieldViolation("sample_id", $"'{sample}': 1–64 letters, digits, '-', '_' or '.'."));
        }
        else if (received == false && sample.Length > 0)
        {
            v.Add(new FieldViolation("sample_id", "Give the sample id when the sample is received, not when it is requested."));
        }
        ThrowIfAny(v);
        return ChangeAsync(caller, RequestOperation.Drive, requestId, etag, "RecordConfirmatorySample", (request, at, _) =>
        {
            if (received == true)
            {
                request.ReceiveSample(sample, at);
                return Task.FromResult<string?>($"received {sample}");
            }
            request.RequestSample(at);
            return Task.FromResult<string?>("requested");
        }, cancellationToken);
    }

    /// <summary>
    /// Records the confirmatory typing as a typing of the donor (supersedes the current one, history kept) and compares it with the
    /// search's patient typing at A, B, C, DRB1 and DQB1 with the HLA engine; the request passes or fails by the configured threshold.
    /// </summary>
    public async Task<DonorRequest> RecordTypingAsync(Caller caller, Guid requestId, string? glString, ReadOnlyMemory<byte>? hml,
        TypingMethod method, string? laboratoryRelease, string? etag, CancellationToken cancellationToken)
    {
        RequestAccess.Require(caller, RequestOperation.Drive);
        var input = ReadTyping(glString, hml, method, laboratoryRelease);
        var nomenclature = engine.Current.Nomenclature;
        var donorTyping = Interpret(nomenclature, input);
        var minimum = Math.Clamp(options.Value.MinimumConfirmatoryMatches, ConfirmatoryComparison.LowestMinimum, 10);
        var request = await ChangeAsync(caller, RequestOperation.Drive, requestId, etag, "RecordConfirmatoryTyping", async (request, at, ct) =>
        {
            if (input.SampleId is { } sampleId && sampleId != request.ConfirmatorySampleId && sampleId != request.DonorId.ToString()
                && !await db.Donors.AnyAsync(d => d.Id == request.DonorId && d.SampleId == sampleId, ct))
            {
                throw new ValidationFailedException(input.Field, $"'{sampleId}': not this request's confirmatory sample or donor.",
                    "HML 样本编号与本申请不符。");
            }
            var search = await db.Searches.AsNoTracking().FirstAsync(s => s.Id == request.SearchId, ct);
            var patient = nomenclature.ParseGlString(search.PatientGlString);
            var comparison = Compare(patient, donorTyping.Genotype, minimum, nomenclature);
            var donor = await db.Donors.FirstAsync(d => d.Id == request.DonorId, ct);
            var typing = new TypingRecord(Guid.CreateVersion7(at), donor.Id, input.Source, input.OriginalText, donorTyping.GlString,
                input.Method, donorTyping.Resolution, donorTyping.Release, input.LaboratoryRelease, at, caller.Subject);
            // The request's state is checked first: nothing is recorded for a request that cannot take a result.
            request.RecordConfirmatoryResult(typing.Id, comparison, at);
            if (donor.CurrentTypingId is { } previous && await db.Typings.FirstOrDefaultAsync(t => t.Id == previous, ct) is { } old)
            {
                old.Supersede(at);
            }
            donor.RecordTyping(typing.Id, donorTyping.Searchable, at);
            db.Typings.Add(typing);
            audit.Changed("RecordConfirmatoryTyping", AuditSubjects.Donor, donor.Id, caller.ToActor(),
                $"typing {typing.Id} ({input.Method}, {donorTyping.Release}) for request {request.Id}");
            return $"{comparison} (minimum {minimum}/10): {(comparison.Passed ? "passed" : "failed")}";
        }, cancellationToken);
        return request;
    }

    public Task<DonorRequest> SelectAsync(Caller caller, Guid requestId, DonorSelection selection, string? etag,
        CancellationToken cancellationToken)
    {
        RequestAccess.Require(caller, RequestOperation.Drive);
        if (selection is not (DonorSelection.Primary or DonorSelection.Backup))
        {
            throw new ValidationFailedException("selection", "Choose PRIMARY_DONOR or BACKUP_DONOR.", "请选择首选或备选。");
        }
        return ChangeAsync(caller, RequestOperation.Drive, requestId, etag, "SelectDonor", (request, at, _) =>
        {
            request.Select(selection, at);
            return Task.FromResult<string?>(selection.ToString());
        }, cancellationToken);
    }

    public Task<DonorRequest> CancelAsync(Caller caller, Guid requestId, string? reason, string? etag, CancellationToken cancellationToken)
    {
        RequestAccess.Require(caller, RequestOperation.Drive);
        var why = (reason ?? "").Trim();
        if (why.Length is 0 or > DonorRequest.MaxReasonLength)
        {
            throw new ValidationFailedException("reason", $"Give a reason code (1–{DonorRequest.MaxReasonLength} characters).", "请填写原因。");
        }
        return ChangeAsync(caller, RequestOperation.Drive, requestId, etag, "CancelDonorRequest", (request, at, _) =>
        {
            request.Cancel(why, at);
            return Task.FromResult<string?>(why);
        }, cancellationToken);
    }

    public static string ETag(DonorRequest request) => request.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Loads, authorises, checks the etag, changes, audits and releases the donor when the request no longer holds it.</summary>
    private async Task<DonorRequest> ChangeAsync(Caller caller, RequestOperation operation, Guid requestId, string? etag, string name,
        Func<DonorRequest, DateTimeOffset, CancellationToken, Task<string?>> change, CancellationToken cancellationToken)
    {
        var actor = caller.ToActor();
        var request = await unitOfWork.RunAsync(async ct =>
        {
            var request = await db.DonorRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct)
                ?? throw new NotFoundException("DonorRequest", DonorRequestNames.Format(requestId), "未找到该申请。");
            RequestAccess.Require(caller, operation, request);
            if (!string.IsNullOrEmpty(etag) && etag != ETag(request))
            {
                throw new ConcurrentEditException("DonorRequest", DonorRequestNames.Format(requestId), "申请已被他人修改，请刷新后重试。");
            }
            var now = clock.GetUtcNow();
            var detail = await change(request, now, ct);
            audit.Changed(name, Subject, request.Id, actor, $"{request.Status}: {detail}");
            if (!request.HoldsDonor)
            {
                await reservations.ReleaseIfUnheldAsync(request.DonorId, actor, ct);
            }
            return request;
        }, cancellationToken);
        await indexSync.ApplyAsync([request.DonorId], cancellationToken);
        return request;
    }

    private static ConfirmatoryComparison Compare(Genotype patient, Genotype donor, int minimum, HlaNomenclature nomenclature)
    {
        var match = MatchExplainer.Explain(patient, donor, MatchCriteria.TenOfTen, new NomenclatureGrader(nomenclature)).Match;
        return new ConfirmatoryComparison(
            [.. ConfirmatoryComparison.ComparedLoci.Select(l => match[l]).Select(l => new LocusComparison(l.Locus, l.MatchCount, l.Typed, l.Grade1, l.Grade2))],
            minimum, nomenclature.Release);
    }

    /// <summary>The typing as sent: a GL String or an HML document with exactly one sample.</summary>
    private static TypingInput ReadTyping(string? glString, ReadOnlyMemory<byte>? hml, TypingMethod method, string? laboratoryRelease)
    {
        if (hml is { } document)
        {
            var inputs = HmlTypings.Read(document);
            if (inputs.Count != 1)
            {
                throw new ValidationFailedException("hml.samples", $"The document holds {inputs.Count} samples; send the one confirmatory sample.",
                    "HML 文件应只含一个样本。");
            }
            return inputs[0];
        }
        var text = (glString ?? "").Trim();
        if (text.Length is 0 or > TypingCommands.MaxGlStringLength)
        {
            throw new ValidationFailedException("gl_string", $"Give the typing as a GL String (1–{TypingCommands.MaxGlStringLength} characters) or an HML document.",
                "请填写 GL String 格式的分型结果或上传 HML 文件。");
        }
        var release = (laboratoryRelease ?? "").Trim();
        if (release.Length > 16)
        {
            throw new ValidationFailedException("laboratory_release", "At most 16 characters, e.g. \"3.58.0\".");
        }
        return new TypingInput("gl_string", null, null, TypingSource.GlString, text, text, method, release.Length == 0 ? null : release);
    }

    /// <summary>Interprets the typing with the release in use: it must read, cover A, B, C, DRB1 and DQB1, and be high resolution.</summary>
    private static InterpretedTyping Interpret(HlaNomenclature nomenclature, TypingInput input)
    {
        InterpretedTyping typing;
        try
        {
            typing = HlaEngine.Interpret(nomenclature, input.GlString);
        }
        catch (HlaTypingException ex)
        {
            throw new ValidationFailedException(input.Field, TypingCommands.Describe(ex), "分型结果无法识别。");
        }
        var missing = ConfirmatoryComparison.ComparedLoci.Where(l => typing.Genotype[l] is null).Select(Loci.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ValidationFailedException(input.Field, $"'{input.GlString}': a confirmatory typing must cover A, B, C, DRB1 and DQB1; missing {string.Join(", ", missing)}.",
                "确认配型须包含 A、B、C、DRB1、DQB1 五个位点。");
        }
        var low = ConfirmatoryComparison.ComparedLoci.SelectMany(l => new[] { typing.Genotype[l]!.First, typing.Genotype[l]!.Second })
            .FirstOrDefault(p => TypingResolutions.Of(p) < TypingResolution.High);
        if (low is not null)
        {
            throw new ValidationFailedException(input.Field, $"'{low.Written}': a confirmatory typing must be high resolution (one P group per position).",
                "确认配型须为高分辨结果。");
        }
        return typing;
    }

    private static bool IsCity(string code) =>
        RegionCodes.IsZhejiang(code) && code != RegionCodes.Province && RegionCodes.CityOf(code) == code;

    private static T? Parse<T>(Func<T> parse, List<FieldViolation> v)
    {
        try
        {
            return parse();
        }
        catch (ValidationFailedException ex)
        {
            v.AddRange(ex.Violations);
            return default;
        }
    }

    private static T? Add<T>(List<FieldViolation> v, string field, string description)
    {
        v.Add(new FieldViolation(field, description));
        return default;
    }

    private static void ThrowIfAny(List<FieldViolation> v)
    {
        if (v.Count > 0)
        {
            throw new ValidationFailedException(v, "输入有误，请检查标出的字段。");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SampleIdPattern();
}
