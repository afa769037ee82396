using DonationRegistry.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DonationRegistry.Common.Errors;
using DonationRegistry.Hla;
using DonationRegistry.Hla.Matching;
using DonationRegistry.Hsc.Domain.Searches;
using DonationRegistry.Hsc.Infrastructure;
using DonationRegistry.Hsc.Searching;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DonationRegistry.Hsc.Application;

/// <summary>
/// Patient searches: run against the index in use, stored with their request, release, caller, total and ranked list (up to
/// <see cref="HlaOptions.SearchResultCap"/>), so that paging and history are stable while the pool changes. Reading results is
/// audited per donor shown.
/// </summary>
public sealed class SearchCommands(HscDbContext db, AuditLog audit, HlaEngine engine, IOptions<HlaOptions> options, TimeProvider clock)
{
    public const int MaxReferenceLength = 64;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<SearchRecord> SubmitAsync(Caller caller, SearchInput input, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.Search);
        var snapshot = engine.Current;
        var v = new List<FieldViolation>();
        var reference = (input.PatientReference ?? "").Trim();
        if (reference.Length is 0 or > MaxReferenceLength)
        {
            v.Add(new FieldViolation("patient_reference", $"Give the patient's pseudonymous reference (1–{MaxReferenceLength} characters)."));
        }
        var patient = ParsePatient(snapshot.Nomenclature, input.PatientTyping, "patient_typing", v);
        var criteria = Criteria(input.Criteria, v);
        var filter = Filter(input.Filter, v);
        if (v.Count > 0)
        {
            throw new ValidationFailedException(v, "检索条件有误，请检查标出的字段。");
        }
        var now = clock.GetUtcNow();
        var result = snapshot.Index.Search(new PatientSearch(patient!, criteria!, DonorCommands.Today(now))
        {
            Filter = filter,
            PageSize = Math.Clamp(options.Value.SearchResultCap, 1, PatientSearch.MaxPageSize),
            PatientAbo = input.PatientAbo is { } abo ? ProfileMapping.ToIndex(abo) : default,
            PatientCmv = input.PatientCmv is { } cmv ? ProfileMapping.ToIndex(cmv) : default,
        });
        var ids = result.Matches.Select(m => m.DonorId).ToList();
        var donors = await db.Donors.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.BirthYear, d.Sex, d.Abo, d.Cmv }).ToDictionaryAsync(d => d.Id, cancellationToken);
        var stored = result.Matches.Where(m => donors.ContainsKey(m.DonorId)).Select(m =>
        {
            var d = donors[m.DonorId];
            return new StoredMatch(m.DonorId, m.Rank, m.MismatchCount, [.. m.Loci.Select(StoredLocus.From)], m.Dpb1, d.BirthYear, d.Sex,
                d.Abo, d.Cmv);
        }).ToList();
        var search = new SearchRecord(Guid.CreateVersion7(now), reference, input.PatientTyping.Trim(),
            JsonSerializer.Serialize(new { input.Criteria, input.Filter, input.PatientAbo, input.PatientCmv }, Json), snapshot.Release, result.TotalCount,
            JsonSerializer.Serialize(stored, Json), stored.Count, now, caller.ToActor());
        db.Searches.Add(search);
        audit.Changed("SubmitSearch", AuditSubjects.Search, search.Id, caller.ToActor(), $"{criteria}: {result.TotalCount} donors");
        await db.SaveChangesAsync(cancellationToken);
        return search;
    }

    /// <summary>A page of a stored search's ranked list (offset paging over the stored, immutable list).</summary>
    public async Task<(SearchRecord Search, IReadOnlyList<StoredMatch> Page, int? NextOffset)> ResultsAsync(Caller caller, Guid searchId,
        int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadSearches);
        var search = await db.Searches.AsNoTracking().FirstOrDefaultAsync(s => s.Id == searchId, cancellationToken)
            ?? throw new NotFoundException("Search", ResourceNames.Search(searchId), "未找到该检索。");
        var offset = PageTokens.Decode(pageToken) is { } key
            ? int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o
                : throw new ValidationFailedException("page_token", "Not a page token this service issued.")
            : 0;
        var all = JsonSerializer.Deserialize<List<StoredMatch>>(search.ResultsJson, Json) ?? [];
        var page = all.Skip(offset).Take(pageSize).ToList();
        if (page.Count > 0)
        {
            audit.Read("GetSearchResults", AuditSubjects.Donor, page.Select(m => m.DonorId), caller.ToActor(),
                $"search {ResourceNames.Search(searchId)}");
            await db.SaveChangesAsync(cancellationToken);
        }
        return (search, page, offset + page.Count < all.Count ? offset + page.Count : null);
    }

    /// <summary>The stored searches of a patient reference, newest first (keyset paging on submission time and id).</summary>
    public async Task<(IReadOnlyList<SearchRecord> Page, string? Next)> ListAsync(Caller caller, string? patientReference, int pageSize,
        string? pageToken, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadSearches);
        var reference = (patientReference ?? "").Trim();
        if (reference.Length is 0 or > MaxReferenceLength)
        {
            throw new ValidationFailedException("patient_reference", $"Give the patient reference (1–{MaxReferenceLength} characters).");
        }
        var query = db.Searches.AsNoTracking().Where(s => s.PatientReference == reference);
        if (PageTokens.Decode(pageToken) is { } key)
        {
            var parts = key.Split('|');
            if (parts.Length != 2 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) || !Guid.TryParse(parts[1], out var id))
            {
                throw new ValidationFailedException("page_token", "Not a page token this service issued.");
            }
            var at = new DateTimeOffset(ticks, TimeSpan.Zero);
            query = query.Where(s => s.SubmittedAt < at || (s.SubmittedAt == at && s.Id.CompareTo(id) < 0));
        }
        var rows = await query.OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.Id).Take(pageSize + 1)
            .ToListAsync(cancellationToken);
        var page = rows.Take(pageSize).ToList();
        return (page, rows.Count > pageSize
            ? PageTokens.Encode($"{page[^1].SubmittedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{page[^1].Id}")
            : null);
    }

    /// <summary>Reads a patient's GL String; a violation naming the token when it does not read or lacks A, B or DRB1.</summary>
    internal static Genotype? ParsePatient(HlaNomenclature nomenclature, string? glString, string field, List<FieldViolation> v)
    {
        if (string.IsNullOrWhiteSpace(glString))
        {
            v.Add(new FieldViolation(field, "Give the typing as a GL String."));
            return null;
        }
        try
        {
            var genotype = nomenclature.ParseGlString(glString.Trim());
            if (!TypingResolutions.Searchable(genotype))
            {
                v.Add(new FieldViolation(field, $"'{glString.Trim()}': the typing must cover A, B and DRB1."));
                return null;
            }
            return genotype;
        }
        catch (HlaTypingException ex)
        {
            v.Add(new FieldViolation(field, TypingCommands.Describe(ex)));
            return null;
        }
    }

    internal static MatchCriteria? Criteria(SearchCriteriaInput input, List<FieldViolation> v)
    {
        MatchCriteria criteria;
        switch (input.Preset)
        {
            case "SixOfSix":
                return MatchCriteria.SixOfSix;
            case "EightOfEight":
                return MatchCriteria.EightOfEight;
            case "TenOfTen":
                return MatchCriteria.TenOfTen;
            case null or "":
                var perLocus = input.PerLocusMismatches == 0 ? 2 : input.PerLocusMismatches;
                criteria = new MatchCriteria
                {
                    MaxTotalMismatches = input.TotalMismatches,
                    IncludeC = input.IncludeC,
                    IncludeDqb1 = input.IncludeDqb1,
                    MaxMismatchesA = perLocus,
                    MaxMismatchesB = perLocus,
                    MaxMismatchesC = perLocus,
                    MaxMismatchesDrb1 = perLocus,
                    MaxMismatchesDqb1 = perLocus,
                };
                break;
            default:
                v.Add(new FieldViolation("criteria.preset", $"'{input.Preset}': unknown preset."));
                return null;
        }
        if (input.TotalMismatches is < 0 or > 5)
        {
            v.Add(new FieldViolation("criteria.total_mismatches", "Must be 0–5."));
            return null;
        }
        if (input.PerLocusMismatches is < 0 or > 2)
        {
            v.Add(new FieldViolation("criteria.per_locus_mismatches", "Must be 0–2."));
            return null;
        }
        try
        {
            criteria.Validate();
            return criteria;
        }
        catch (ArgumentException ex)
        {
            v.Add(new FieldViolation("criteria", ex.Message));
            return null;
        }
    }

    internal static DonorFilter Filter(DonorFilterInput input, List<FieldViolation> v)
    {
        if (input.MinAge is < 0 or > 120)
        {
            v.Add(new FieldViolation("filter.min_age", "Must be 0–120."));
        }
        if (input.MaxAge is < 0 or > 120 || (input.MaxAge > 0 && input.MaxAge < input.MinAge))
        {
            v.Add(new FieldViolation("filter.max_age", "Must be 0–120 and not below min_age."));
        }
        return new DonorFilter
        {
            MinAge = input.MinAge > 0 ? input.MinAge : null,
            MaxAge = input.MaxAge > 0 ? input.MaxAge : null,
            Sex = input.Sex is { } s ? ProfileMapping.ToIndex(s) : null,
            AboGroups = [.. input.Abo.Select(ProfileMapping.ToIndex)],
            Cmv = input.Cmv is { } c ? ProfileMapping.ToIndex(c) : null,
        };
    }
}
