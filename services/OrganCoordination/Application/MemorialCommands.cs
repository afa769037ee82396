using DonationRegistry.Common.Errors;
using DonationRegistry.OrganCoordination.Domain;
using DonationRegistry.OrganCoordination.Domain.Memorials;
using DonationRegistry.OrganCoordination.Domain.OrganCases;
using DonationRegistry.OrganCoordination.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>What a memorial is recorded with.</summary>
public sealed record MemorialInput(string? Site, bool InscriptionConsented, string? ConsentDocumentReference, string? InscribedName);

/// <summary>
/// Memorial records (缅怀纪念): recorded by the coordinator covering the case — for a body or tissue case this is its Memorialise step,
/// for an organ case it follows completion — in one transaction with the case step and audit row. Reads of a full record are
/// audited; the public list shows consented inscriptions only.
/// </summary>
public sealed class MemorialCommands(OrganDbContext db, UnitOfWork work, AuditLog audit, ActiveCredentials credentials, TimeProvider clock)
{
    public Task<MemorialRecord> RecordAsync(Caller caller, string? caseName, string? etag, MemorialInput input, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.RecordMemorials);
        var (donation, caseId) = ParseCase(caseName);
        return work.RunAsync(async ct =>
        {
            var at = clock.GetUtcNow();
            var actor = caller.ToActor();
            var memorial = Memorial.Create(input.Site ?? "", input.InscriptionConsented, input.ConsentDocumentReference, input.InscribedName, at);
            MemorialRecord record;
            if (donation == DonationKind.Organ)
            {
                var c = await db.OrganCases.FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw NotFound(caseName!);
                AccessPolicy.RequireCase(caller, Operation.RecordMemorials, c);
                await credentials.RequireAsync(caller, ct);
                ETags.Require(db, c, x => x.RowVersion, etag, "OrganCase", caseId.ToString());
                if (c.Status != OrganCaseStatus.Completed)
                {
                    throw new IllegalTransitionException(c.Status.ToString(), "RecordMemorial", [.. c.AllowedTriggers.Select(t => t.ToString())],
                        "器官捐献案例完成后才能登记缅怀纪念。");
                }
                record = MemorialRecord.For(Guid.CreateVersion7(), donation, c.Id, c.RegionCode, c.HospitalId, memorial, actor);
            }
            else if (donation == DonationKind.Body)
            {
                var c = await db.BodyCases.FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw NotFound(caseName!);
                AccessPolicy.RequireDonationCase(caller, Operation.RecordMemorials, c.OrgId, c.RegionCode, c.ReceivingUnit);
                await credentials.RequireAsync(caller, ct);
                ETags.Require(db, c, x => x.RowVersion, etag, "BodyCase", caseId.ToString());
                c.Memorialise(memorial.Site, memorial.InscriptionConsented, memorial.ConsentDocumentReference, memorial.InscribedName, actor, at);
                record = MemorialRecord.For(Guid.CreateVersion7(), donation, c.Id, c.RegionCode, c.OrgId, memorial, actor);
            }
            else
            {
                var c = await db.TissueCases.FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw NotFound(caseName!);
                AccessPolicy.RequireDonationCase(caller, Operation.RecordMemorials, c.OrgId, c.RegionCode, c.Bank);
                await credentials.RequireAsync(caller, ct);
                ETags.Require(db, c, x => x.RowVersion, etag, "TissueCase", caseId.ToString());
                c.Memorialise(memorial.Site, memorial.InscriptionConsented, memorial.ConsentDocumentReference, memorial.InscribedName, actor, at);
                record = MemorialRecord.For(Guid.CreateVersion7(), TissueCaseCommands.DonationOf(c.Kind), c.Id, c.RegionCode, c.OrgId, memorial, actor);
            }
            if (await db.Memorials.AnyAsync(m => m.CaseId == caseId, ct))
            {
                throw new DuplicateException($"The case {caseName} has a memorial record already.", "该案例已登记缅怀纪念。");
            }
            db.Memorials.Add(record);
            audit.Changed("RecordMemorial", AuditSubjects.Memorial, record.Id, actor, caseName);
            return record;
        }, cancellationToken);
    }

    public async Task<MemorialRecord> GetAsync(Caller caller, Guid id, string? purpose, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadMemorials);
        AuditLog.RequirePurpose(purpose);
        var record = await db.Memorials.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new NotFoundException("Memorial", ResourceNames.Memorial(id), "纪念记录不存在。");
        AccessPolicy.RequireDonationCase(caller, Operation.ReadMemorials, record.CaseOrgId, record.RegionCode, null);
        audit.Read("GetMemorial", AuditSubjects.Memorial, [record.Id], caller.ToActor(), purpose!);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>Public: consented inscriptions only, newest first (what a memorial wall shows).</summary>
    public async Task<(IReadOnlyList<MemorialRecord> Page, string? Next)> ListPublicAsync(string? site, int pageSize, string? pageToken,
        CancellationToken cancellationToken)
    {
        var size = PageTokens.Size(pageSize);
        var key = PageKeys.Decode(pageToken);
        var query = db.Memorials.AsNoTracking().Where(m => m.InscriptionConsented && m.InscribedName != null);
        if (!string.IsNullOrWhiteSpace(site))
        {
            var wanted = site.Trim();
            query = query.Where(m => m.Site == wanted);
        }
        if (key is { } k)
        {
            query = query.Where(m => m.RecordedAt < k.At || (m.RecordedAt == k.At && m.Id.CompareTo(k.Id) < 0));
        }
        var page = await query.OrderByDescending(m => m.RecordedAt).ThenByDescending(m => m.Id).Take(size + 1).ToListAsync(cancellationToken);
        string? next = null;
        if (page.Count > size)
        {
            page.RemoveAt(size);
            next = PageKeys.Encode(page[^1].RecordedAt, page[^1].Id);
        }
        return (page, next);
    }

    private static (DonationKind Donation, Guid Id) ParseCase(string? name) =>
        name switch
        {
            not null when name.StartsWith(ResourceNames.OrganCasePrefix, StringComparison.Ordinal) =>
                (DonationKind.Organ, ResourceNames.ParseOrganCase(name, "case")),
            not null when name.StartsWith(ResourceNames.BodyCasePrefix, StringComparison.Ordinal) =>
                (DonationKind.Body, ResourceNames.ParseBodyCase(name, "case")),
            // Cornea or brain: the case itself says which.
            not null when name.StartsWith(ResourceNames.TissueCasePrefix, StringComparison.Ordinal) =>
                (DonationKind.Cornea, ResourceNames.ParseTissueCase(name, "case")),
            _ => throw new ValidationFailedException("case", "An organ, body or tissue case name is required.", "请填写案例名称。"),
        };

    private static NotFoundException NotFound(string name) => new("Case", name, "案例不存在。");
}
