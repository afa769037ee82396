using DonationRegistry.FamilyCare.Domain.Families;
using DonationRegistry.FamilyCare.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.FamilyCare.Application;

/// <summary>Families: read within the caller's region (audited reads), consent, details and members, each change audited in its transaction.</summary>
public sealed class FamilyCommands(FamilyCareDbContext db, UnitOfWork unitOfWork, AuditLog audit, CareClock clock)
{
    public async Task<Family> GetAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ReadCare);
        var family = await db.Families.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken) ?? throw NotFound(id);
        CareAccess.Require(caller, Operation.ReadCare, family.Region);
        audit.Read("GetFamily", AuditSubjects.Family, [family.Id], caller.ToActor(), "family care");
        await db.SaveChangesAsync(cancellationToken);
        return family;
    }

    public async Task<(IReadOnlyList<Family> Families, string? Next)> ListAsync(Caller caller, string region, int pageSize, string? pageToken,
        CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ReadCare, region);
        var size = PageTokens.Size(pageSize);
        var after = PageTokens.Decode(pageToken) is { } key
            ? Guid.TryParse(key, out var id) ? id : throw new ValidationFailedException("page_token", "Not a page token this service issued.")
            : Guid.Empty;
        var prefix = RegionCodes.ScopePrefix(region);
        var page = await db.Families.AsNoTracking()
            .Where(f => f.Region.StartsWith(prefix) && f.Id.CompareTo(after) > 0)
            .OrderBy(f => f.Id).Take(size + 1).ToListAsync(cancellationToken);
        var more = page.Count > size;
        if (more)
        {
            page.RemoveAt(size);
        }
        if (page.Count > 0)
        {
            audit.Read("ListFamilies", AuditSubjects.Family, page.Select(f => f.Id), caller.ToActor(), "family care list");
            await db.SaveChangesAsync(cancellationToken);
        }
        return (page, more ? PageTokens.Encode(page[^1].Id.ToString()) : null);
    }

    public Task<Family> RecordConsentAsync(Caller caller, Guid id, string evidence, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, "RecordFamilyConsent", f => f.RecordConsent(clock.Now), evidence, cancellationToken);

    public Task<Family> UpdateDetailsAsync(Caller caller, Guid id, ContactPerson contact, bool civilAffairs, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, "UpdateFamilyDetails", f =>
        {
            f.SetContact(contact);
            f.SetCivilAffairsAssistance(civilAffairs);
        }, null, cancellationToken);

    public Task<Family> AddChildAsync(Caller caller, Guid id, string name, DateOnly birthDate, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, "AddChild", f => f.AddChild(Guid.CreateVersion7(), name, birthDate), null, cancellationToken);

    public Task<Family> RecordGuardianConsentAsync(Caller caller, Guid id, Guid childId, string guardian, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, "RecordGuardianConsent", f => f.RecordGuardianConsent(childId, guardian, clock.Now), $"child {childId}",
            cancellationToken);

    public Task<Family> RecordChildSchoolingAsync(Caller caller, Guid id, Guid childId, string school, SchoolStage stage,
        CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, "RecordChildSchooling", f => f.RecordSchooling(childId, school, stage, clock.Today), $"child {childId}",
            cancellationToken);

    public Task<Family> AddElderAsync(Caller caller, Guid id, string name, int age, string health, LivingSituation living,
        CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, "AddElder", f => f.AddElder(Guid.CreateVersion7(), name, age, health, living), null, cancellationToken);

    private Task<Family> ChangeAsync(Caller caller, Guid id, string operation, Action<Family> change, string? note,
        CancellationToken cancellationToken)
    {
        CareAccess.Require(caller, Operation.ManageFamilies);
        return unitOfWork.RunAsync(async ct =>
        {
            var family = await db.Families.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw NotFound(id);
            CareAccess.Require(caller, Operation.ManageFamilies, family.Region);
            change(family);
            audit.Changed(operation, AuditSubjects.Family, family.Id, caller.ToActor(), note);
            return family;
        }, cancellationToken);
    }

    internal static NotFoundException NotFound(Guid id) => new(Names.Families, id.ToString(), "未找到该家庭。");
}
