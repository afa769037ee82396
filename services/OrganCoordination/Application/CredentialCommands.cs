using DonationRegistry.Common.Errors;
using DonationRegistry.OrganCoordination.Domain;
using DonationRegistry.OrganCoordination.Domain.Credentials;
using DonationRegistry.OrganCoordination.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>The public answer of a credential check: nothing personal.</summary>
public sealed record CredentialCheck(bool Active, CredentialStatus? Status, DateTimeOffset? ExpiresAt);

/// <summary>Coordinator credentials: changes (one transaction each, audited) and reads.</summary>
public sealed class CredentialCommands(OrganDbContext db, UnitOfWork work, AuditLog audit, CredentialRules rules, TimeProvider clock)
{
    public async Task<CoordinatorCredential> CreateAsync(Caller caller, string? holderId, string? orgId, string? regionCode,
        CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ManageCredentials);
        Require.That(RegionCodes.IsZhejiang(regionCode), "region_code", "A six-digit GB/T 2260 region code of Zhejiang is required.",
            "请填写六位行政区划代码。");
        AccessPolicy.RequireCredentialRegion(caller, Operation.ManageCredentials, regionCode!);
        return await work.RunAsync(async ct =>
        {
            var holder = (holderId ?? "").Trim();
            var previous = await db.Credentials.Where(c => c.HolderId == holder).ToListAsync(ct);
            var actor = caller.ToActor();
            var credential = CoordinatorCredential.Apply(Guid.CreateVersion7(), holder, orgId ?? "", regionCode ?? "", previous, actor,
                clock.GetUtcNow());
            db.Credentials.Add(credential);
            audit.Changed("CreateCredential", AuditSubjects.Credential, credential.Id, actor);
            return credential;
        }, cancellationToken);
    }

    public Task<CoordinatorCredential> RecordTrainingAsync(Caller caller, Guid id, string? etag, decimal hours, string? course,
        CancellationToken cancellationToken) =>
        StepAsync(caller, id, etag, "RecordTraining", (c, a, t) => c.RecordTraining(hours, course ?? "", a, t), cancellationToken);

    public Task<CoordinatorCredential> CertifyAsync(Caller caller, Guid id, string? etag, string? number, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ManageCredentials);
        return work.RunAsync(async ct =>
        {
            var trimmed = (number ?? "").Trim();
            if (trimmed.Length > 0 && await db.Credentials.AnyAsync(c => c.Number == trimmed && c.Id != id, ct))
            {
                throw new DuplicateException($"Credential number '{trimmed}' is already given.", "该资格编号已被使用。");
            }
            var credential = await LoadAsync(caller, id, etag, ct);
            var actor = caller.ToActor();
            credential.Certify(trimmed, rules, actor, clock.GetUtcNow());
            audit.Changed("CertifyCredential", AuditSubjects.Credential, credential.Id, actor, trimmed);
            return credential;
        }, cancellationToken);
    }

    public Task<CoordinatorCredential> RenewAsync(Caller caller, Guid id, string? etag, CancellationToken cancellationToken) =>
        StepAsync(caller, id, etag, "RenewCredential", (c, a, t) => c.Renew(rules, a, t), cancellationToken);

    public Task<CoordinatorCredential> SuspendAsync(Caller caller, Guid id, string? etag, string? reason, CancellationToken cancellationToken) =>
        StepAsync(caller, id, etag, "SuspendCredential", (c, a, t) => c.Suspend(reason ?? "", a, t), cancellationToken);

    public Task<CoordinatorCredential> ReinstateAsync(Caller caller, Guid id, string? etag, CancellationToken cancellationToken) =>
        StepAsync(caller, id, etag, "ReinstateCredential", (c, a, t) => c.Reinstate(a, t), cancellationToken);

    public Task<CoordinatorCredential> RevokeAsync(Caller caller, Guid id, string? etag, RevocationReason reason, string? note,
        CancellationToken cancellationToken) =>
        StepAsync(caller, id, etag, "RevokeCredential", (c, a, t) => c.Revoke(reason, note, a, t), cancellationToken);

    public async Task<CoordinatorCredential> GetAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ReadCredentials);
        var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw NotFound(id);
        AccessPolicy.RequireCredential(caller, Operation.ReadCredentials, credential);
        audit.Read("GetCredential", AuditSubjects.Credential, [credential.Id], caller.ToActor(), "credential administration");
        await db.SaveChangesAsync(cancellationToken);
        return credential;
    }

    /// <summary>Public check by number: active or not, the state and expiry; nothing about the holder.</summary>
    public async Task<CredentialCheck> CheckAsync(string? number, CancellationToken cancellationToken)
    {
        var trimmed = Require.Text("number", number, 40, "请填写资格编号。");
        var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Number == trimmed, cancellationToken);
        return credential is null
            ? new CredentialCheck(false, null, null)
            : new CredentialCheck(credential.IsActiveAt(clock.GetUtcNow()), credential.Status, credential.ExpiresAt);
    }

    private Task<CoordinatorCredential> StepAsync(Caller caller, Guid id, string? etag, string name,
        Action<CoordinatorCredential, Actor, DateTimeOffset> step, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ManageCredentials);
        return work.RunAsync(async ct =>
        {
            var credential = await LoadAsync(caller, id, etag, ct);
            var actor = caller.ToActor();
            step(credential, actor, clock.GetUtcNow());
            audit.Changed(name, AuditSubjects.Credential, credential.Id, actor);
            return credential;
        }, cancellationToken);
    }

    private async Task<CoordinatorCredential> LoadAsync(Caller caller, Guid id, string? etag, CancellationToken cancellationToken)
    {
        var credential = await db.Credentials.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw NotFound(id);
        AccessPolicy.RequireCredential(caller, Operation.ManageCredentials, credential);
        ETags.Require(db, credential, c => c.RowVersion, etag, "CoordinatorCredential", id.ToString());
        return credential;
    }

    private static NotFoundException NotFound(Guid id) => new("CoordinatorCredential", ResourceNames.Credential(id), "协调员资格不存在。");
}
