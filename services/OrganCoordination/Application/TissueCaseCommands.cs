using DonationRegistry.Common.Errors;
using DonationRegistry.Contracts;
using DonationRegistry.Messaging;
using DonationRegistry.OrganCoordination.Domain;
using DonationRegistry.OrganCoordination.Domain.TissueCases;
using DonationRegistry.OrganCoordination.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>
/// Changes to cornea and brain tissue cases, each one transaction with its timeline entry, audit row and events (outbox). The
/// recovery window is fixed at opening from <see cref="TissueWindowOptions"/>; a late recovery is recorded and flagged, not refused.
/// </summary>
public sealed class TissueCaseCommands(OrganDbContext db, UnitOfWork work, AuditLog audit, DonationRegistryLookup lookup,
    ActiveCredentials credentials, ReceivingUnitRules units, TissueWindowOptions windows, TimeProvider clock)
{
    public async Task<TissueDonationCase> CreateAsync(Caller caller, Guid? requestId, TissueKind kind, string? regionCode, string? orgId,
        string? receivingUnit, IdType? idType, string? idNumber, DateTimeOffset diedAt, bool familyCareContactConsent,
        CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.OpenCases);
        if (requestId is { } rid && await db.TissueCases.AsNoTracking().FirstOrDefaultAsync(c => c.RequestId == rid, cancellationToken) is { } existing)
        {
            AccessPolicy.RequireDonationCase(caller, Operation.OpenCases, existing.OrgId, existing.RegionCode, existing.Bank);
            return existing;
        }
        var unitId = ResourceNames.ParseReceivingUnit(receivingUnit, "receiving_unit");
        var donorId = lookup.Validate(idType, idNumber);
        var actor = caller.ToActor();
        var id = Guid.CreateVersion7();
        var familyReference = Guid.CreateVersion7();
        var at = clock.GetUtcNow();
        var draft = TissueDonationCase.Notify(id, kind, regionCode ?? "", orgId ?? "", unitId, null, diedAt, familyReference,
            familyCareContactConsent, windows, actor, at);
        AccessPolicy.RequireDonationCase(caller, Operation.OpenCases, draft.OrgId, draft.RegionCode, null);
        await credentials.RequireAsync(caller, cancellationToken);
        await units.RequireAcceptingAsync(unitId, DonationOf(kind), "receiving_unit", cancellationToken);
        var registrationId = await lookup.RegistrationOfAsync(donorId, DonationOf(kind), "tissue case " + ResourceNames.TissueCase(id),
            cancellationToken);
        var created = TissueDonationCase.Notify(id, kind, draft.RegionCode, draft.OrgId, unitId, registrationId, diedAt, familyReference,
            familyCareContactConsent, windows, actor, at);
        created.RequestId = requestId;
        return await work.RunAsync(_ =>
        {
            db.TissueCases.Add(created);
            audit.Changed("CreateTissueCase", AuditSubjects.TissueCase, created.Id, actor);
            if (registrationId is { } deceased)
            {
                db.AddIntegrationEvent(new RegistrantDeceased(deceased, created.Id, created.DiedAt));
            }
            return Task.FromResult(created);
        }, cancellationToken);
    }

    /// <summary>One step: load, check who may act, apply, audit and announce, in one transaction.</summary>
    public Task<TissueDonationCase> StepAsync(Caller caller, Guid id, string? etag, CaseActor who, string name,
        Action<TissueDonationCase, Actor, DateTimeOffset> step, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, CaseActors.OperationFor(caller, who));
        return work.RunAsync(async ct =>
        {
            var c = await db.TissueCases.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw NotFound(id);
            AccessPolicy.RequireDonationCase(caller, CaseActors.OperationFor(caller, who), c.OrgId, c.RegionCode, c.Bank);
            await credentials.RequireAsync(caller, ct);
            ETags.Require(db, c, x => x.RowVersion, etag, "TissueCase", id.ToString());
            var before = c.Status;
            var actor = caller.ToActor();
            var at = clock.GetUtcNow();
            step(c, actor, at);
            audit.Changed(name, AuditSubjects.TissueCase, c.Id, actor, $"{before} → {c.Status}");
            Announce(c, before, at);
            return c;
        }, cancellationToken);
    }

    public static DonationKind DonationOf(TissueKind kind) => kind == TissueKind.Brain ? DonationKind.Brain : DonationKind.Cornea;

    /// <summary>Recovered: the donation is realised (FamilyCare and the registry hear of it). Declined: not realised.</summary>
    private void Announce(TissueDonationCase c, TissueCaseStatus before, DateTimeOffset at)
    {
        if (before != TissueCaseStatus.Recovered && c.Status == TissueCaseStatus.Recovered)
        {
            db.AddIntegrationEvent(new TissueDonationCompleted(c.Id, c.Kind.ToString(), c.FamilyReference, c.RegionCode,
                c.FamilyCareContactConsent, at));
            if (c.RegistrationId is { } realised)
            {
                db.AddIntegrationEvent(new DonationOutcomeRecorded(realised, c.Id, true, null, at));
            }
        }
        if (before != TissueCaseStatus.Declined && c.Status == TissueCaseStatus.Declined && c.RegistrationId is { } notRealised)
        {
            db.AddIntegrationEvent(new DonationOutcomeRecorded(notRealised, c.Id, false, c.DeclineReason?.ToString(), at));
        }
    }

    private static NotFoundException NotFound(Guid id) => new("TissueCase", ResourceNames.TissueCase(id), "案例不存在。");
}
