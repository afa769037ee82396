using DonationRegistry.Common.Errors;
using DonationRegistry.Contracts;
using DonationRegistry.Messaging;
using DonationRegistry.OrganCoordination.Domain;
using DonationRegistry.OrganCoordination.Domain.BodyCases;
using DonationRegistry.OrganCoordination.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>
/// Changes to body donation cases, each one transaction with its timeline entry, audit row and events (outbox): the role first,
/// then the case's organisation or unit, the coordinator's credential, the etag, then the domain's rules.
/// </summary>
public sealed class BodyCaseCommands(OrganDbContext db, UnitOfWork work, AuditLog audit, DonationRegistryLookup lookup,
    ActiveCredentials credentials, ReceivingUnitRules units, TimeProvider clock)
{
    public async Task<BodyDonationCase> CreateAsync(Caller caller, Guid? requestId, string? regionCode, string? orgId, IdType? idType,
        string? idNumber, DateTimeOffset diedAt, bool familyCareContactConsent, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.OpenCases);
        if (requestId is { } rid && await db.BodyCases.AsNoTracking().FirstOrDefaultAsync(c => c.RequestId == rid, cancellationToken) is { } existing)
        {
            AccessPolicy.RequireDonationCase(caller, Operation.OpenCases, existing.OrgId, existing.RegionCode, existing.ReceivingUnit);
            return existing;
        }
        var donorId = lookup.Validate(idType, idNumber);
        var actor = caller.ToActor();
        var id = Guid.CreateVersion7();
        var familyReference = Guid.CreateVersion7();
        var at = clock.GetUtcNow();
        // Built once to check the input and the organisation before the registry is asked.
        var draft = BodyDonationCase.Notify(id, regionCode ?? "", orgId ?? "", null, diedAt, familyReference, familyCareContactConsent, actor, at);
        AccessPolicy.RequireDonationCase(caller, Operation.OpenCases, draft.OrgId, draft.RegionCode, null);
        await credentials.RequireAsync(caller, cancellationToken);
        var registrationId = await lookup.RegistrationOfAsync(donorId, DonationKind.Body, "body case " + ResourceNames.BodyCase(id), cancellationToken);
        var created = BodyDonationCase.Notify(id, draft.RegionCode, draft.OrgId, registrationId, diedAt, familyReference,
            familyCareContactConsent, actor, at);
        created.RequestId = requestId;
        return await work.RunAsync(_ =>
        {
            db.BodyCases.Add(created);
            audit.Changed("CreateBodyCase", AuditSubjects.BodyCase, created.Id, actor);
            if (registrationId is { } deceased)
            {
                db.AddIntegrationEvent(new RegistrantDeceased(deceased, created.Id, created.DiedAt));
            }
            return Task.FromResult(created);
        }, cancellationToken);
    }

    /// <summary>An active body-receiving unit agrees to collect (the coordinator's step).</summary>
    public Task<BodyDonationCase> AgreeHandoverAsync(Caller caller, Guid id, string? etag, string? receivingUnit, CancellationToken cancellationToken)
    {
        var unitId = ResourceNames.ParseReceivingUnit(receivingUnit, "receiving_unit");
        return StepAsync(caller, id, etag, CaseActor.Coordinator, "AgreeHandover", async (c, actor, at, ct) =>
        {
            await units.RequireAcceptingAsync(unitId, DonationKind.Body, "receiving_unit", ct);
            c.AgreeHandover(unitId, actor, at);
        }, cancellationToken);
    }

    /// <summary>One step: load, check who may act, apply, audit and announce, in one transaction.</summary>
    public Task<BodyDonationCase> StepAsync(Caller caller, Guid id, string? etag, CaseActor who, string name,
        Func<BodyDonationCase, Actor, DateTimeOffset, CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, CaseActors.OperationFor(caller, who));
        return work.RunAsync(async ct =>
        {
            var c = await db.BodyCases.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw NotFound(id);
            AccessPolicy.RequireDonationCase(caller, CaseActors.OperationFor(caller, who), c.OrgId, c.RegionCode, c.ReceivingUnit);
            await credentials.RequireAsync(caller, ct);
            ETags.Require(db, c, x => x.RowVersion, etag, "BodyCase", id.ToString());
            var before = c.Status;
            var actor = caller.ToActor();
            var at = clock.GetUtcNow();
            await step(c, actor, at, ct);
            audit.Changed(name, AuditSubjects.BodyCase, c.Id, actor, $"{before} → {c.Status}");
            Announce(c, before, at);
            return c;
        }, cancellationToken);
    }

    public Task<BodyDonationCase> StepAsync(Caller caller, Guid id, string? etag, CaseActor who, string name,
        Action<BodyDonationCase, Actor, DateTimeOffset> step, CancellationToken cancellationToken) =>
        StepAsync(caller, id, etag, who, name, (c, a, t, _) =>
        {
            step(c, a, t);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Received: the donation is realised (FamilyCare hears of it; so does the registry). Rejected: not realised.</summary>
    private void Announce(BodyDonationCase c, BodyCaseStatus before, DateTimeOffset at)
    {
        if (before != BodyCaseStatus.Received && c.Status == BodyCaseStatus.Received)
        {
            db.AddIntegrationEvent(new BodyDonationCompleted(c.Id, c.FamilyReference, c.RegionCode, c.FamilyCareContactConsent, at));
            if (c.RegistrationId is { } realised)
            {
                db.AddIntegrationEvent(new DonationOutcomeRecorded(realised, c.Id, true, null, at));
            }
        }
        if (before != BodyCaseStatus.Rejected && c.Status == BodyCaseStatus.Rejected && c.RegistrationId is { } notRealised)
        {
            db.AddIntegrationEvent(new DonationOutcomeRecorded(notRealised, c.Id, false, c.RejectionReason?.ToString(), at));
        }
    }

    private static NotFoundException NotFound(Guid id) => new("BodyCase", ResourceNames.BodyCase(id), "案例不存在。");
}
