using DonationRegistry.Common.Errors;
using DonationRegistry.Contracts;
using DonationRegistry.Messaging;
using DonationRegistry.OrganCoordination.Domain;
using DonationRegistry.OrganCoordination.Domain.Credentials;
using DonationRegistry.OrganCoordination.Domain.OrganCases;
using DonationRegistry.OrganCoordination.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>
/// Changes to organ donation cases: each one transaction (<see cref="UnitOfWork"/>) holding the case change, its timeline entry,
/// the audit row and the outgoing events (outbox). The role is checked before anything is read, the organisation once the case is
/// loaded, then the etag, then the domain's own rules.
/// </summary>
public sealed class OrganCaseCommands(OrganDbContext db, UnitOfWork work, AuditLog audit, DonorIdNumbers idNumbers, IRegistry registry,
    ActiveCredentials credentials, TimeProvider clock)
{
    public async Task<OrganDonationCase> CreateAsync(Caller caller, Guid? requestId, string? regionCode, string? hospitalId, IdType? idType,
        string? idNumber, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.OpenCases);
        if (requestId is { } rid && await db.OrganCases.AsNoTracking().FirstOrDefaultAsync(c => c.RequestId == rid, cancellationToken) is { } existing)
        {
            AccessPolicy.RequireCase(caller, Operation.OpenCases, existing);
            return existing;
        }
        var donorId = idNumbers.Protect(idType, idNumber);
        var actor = caller.ToActor();
        var created = OrganDonationCase.Refer(Guid.CreateVersion7(), regionCode ?? "", hospitalId ?? "", donorId, Guid.CreateVersion7(),
            actor, clock.GetUtcNow());
        AccessPolicy.RequireCase(caller, Operation.OpenCases, created);
        await credentials.RequireAsync(caller, cancellationToken);
        created.RequestId = requestId;
        return await work.RunAsync(_ =>
        {
            db.OrganCases.Add(created);
            audit.Changed("CreateOrganCase", AuditSubjects.OrganCase, created.Id, actor);
            return Task.FromResult(created);
        }, cancellationToken);
    }

    /// <summary>
    /// Asks the registry first (outside the transaction: a slow or absent registry holds no locks), then records the answer. When
    /// the registry cannot be reached the call fails with UNAVAILABLE and the case is unchanged.
    /// </summary>
    public async Task<OrganDonationCase> CheckRegistryAsync(Caller caller, Guid id, string? etag, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.RunCases);
        var current = await db.OrganCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw NotFound(id);
        AccessPolicy.RequireCase(caller, Operation.RunCases, current);
        await credentials.RequireAsync(caller, cancellationToken);
        if (!OrganCaseLifecycle.AllowedIn(current.Status).Contains(OrganCaseTrigger.RecordRegistryCheck))
        {
            throw new IllegalTransitionException(current.Status.ToString(), nameof(OrganCaseTrigger.RecordRegistryCheck),
                [.. OrganCaseLifecycle.AllowedIn(current.Status).Select(t => t.ToString())], $"案例当前状态为“{current.Status}”，不能查询登记库。");
        }
        var donorId = current.DonorIdNumber
            ?? throw new ValidationFailedException("donor_id_number", "The case has no ID number of the potential donor to check.",
                "案例缺少潜在捐献者的证件号码，无法查询登记库。");
        var check = await registry.CheckAsync(donorId.Type, idNumbers.Reveal(donorId), DonationKind.Organ, "organ case " + ResourceNames.OrganCase(id), cancellationToken);
        return await StepAsync(caller, id, etag, Operation.RunCases, "CheckRegistry", (c, actor, at) => c.RecordRegistryCheck(check, actor, at),
            cancellationToken);
    }

    public async Task<OrganDonationCase> AssignWitnessesAsync(Caller caller, Guid id, string? etag, IReadOnlyList<string> credentialNumbers,
        CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.AssignWitnesses);
        var numbers = credentialNumbers.Select(n => n.Trim()).ToList();
        return await work.RunAsync(async ct =>
        {
            var donationCase = await LoadAsync(caller, id, etag, Operation.AssignWitnesses, ct);
            var found = await db.Credentials.Where(c => c.Number != null && numbers.Contains(c.Number)).ToListAsync(ct);
            var credentials = new List<CoordinatorCredential>();
            for (var i = 0; i < numbers.Count; i++)
            {
                credentials.Add(found.FirstOrDefault(c => c.Number == numbers[i])
                    ?? throw new ValidationFailedException($"credential_numbers[{i}]", $"No credential numbered '{numbers[i]}'.", "协调员资格编号不存在。"));
            }
            var actor = caller.ToActor();
            donationCase.AssignWitnesses(credentials, actor, clock.GetUtcNow());
            audit.Changed("AssignWitnesses", AuditSubjects.OrganCase, donationCase.Id, actor, string.Join(",", numbers));
            return donationCase;
        }, cancellationToken);
    }

    /// <summary>One step of the case by a coordinator: load, check, apply, audit, announce, in one transaction.</summary>
    public Task<OrganDonationCase> StepAsync(Caller caller, Guid id, string? etag, Operation operation, string name,
        Action<OrganDonationCase, Actor, DateTimeOffset> step, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, operation);
        return work.RunAsync(async ct =>
        {
            var donationCase = await LoadAsync(caller, id, etag, operation, ct);
            var before = donationCase.Status;
            var actor = caller.ToActor();
            var at = clock.GetUtcNow();
            step(donationCase, actor, at);
            audit.Changed(name, AuditSubjects.OrganCase, donationCase.Id, actor, $"{before} → {donationCase.Status}");
            Announce(donationCase, before, at);
            return donationCase;
        }, cancellationToken);
    }

    /// <summary>The events a step raises: the death of a registered volunteer, the completed donation, the outcome for the registry.</summary>
    private void Announce(OrganDonationCase c, OrganCaseStatus before, DateTimeOffset at)
    {
        var registrationId = c.RegistryCheck is { Answer: RegistryAnswer.Registered, RegistrationId: { } rid } ? rid : (Guid?)null;
        if (before != OrganCaseStatus.DeathDeclared && c.Status == OrganCaseStatus.DeathDeclared && registrationId is { } deceased)
        {
            db.AddIntegrationEvent(new RegistrantDeceased(deceased, c.Id, c.Death!.DiedAt));
        }
        if (before != OrganCaseStatus.Completed && c.Status == OrganCaseStatus.Completed)
        {
            db.AddIntegrationEvent(new OrganDonationCompleted(c.Id, c.FamilyReference, c.RegionCode, c.FamilyCareContactConsent,
                c.Outcomes.Count(o => o.Kind == OrganOutcomeKind.Transplanted), at));
            if (registrationId is { } realised)
            {
                db.AddIntegrationEvent(new DonationOutcomeRecorded(realised, c.Id, c.Realised, c.Realised ? null : "NoOrganTransplanted", at));
            }
        }
        // Closed after death was declared (the family withdrew): the registration's outcome is known too.
        if (before != OrganCaseStatus.Closed && c.Status == OrganCaseStatus.Closed && c.Death is not null && registrationId is { } notRealised)
        {
            db.AddIntegrationEvent(new DonationOutcomeRecorded(notRealised, c.Id, false, c.ClosureReason?.ToString(), at));
        }
    }

    private async Task<OrganDonationCase> LoadAsync(Caller caller, Guid id, string? etag, Operation operation, CancellationToken cancellationToken)
    {
        var donationCase = await db.OrganCases.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw NotFound(id);
        AccessPolicy.RequireCase(caller, operation, donationCase);
        await credentials.RequireAsync(caller, cancellationToken);
        ETags.Require(db, donationCase, c => c.RowVersion, etag, "OrganCase", id.ToString());
        return donationCase;
    }

    private static NotFoundException NotFound(Guid id) => new("OrganCase", ResourceNames.OrganCase(id), "案例不存在。");
}
