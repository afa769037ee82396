using DonationRegistry.Common;
using System.Text.RegularExpressions;
using DonationRegistry.Common.Errors;
using DonationRegistry.Hsc.Domain.Donors;
using DonationRegistry.Hsc.Infrastructure;
using DonationRegistry.Hsc.Searching;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Hsc.Application;

/// <summary>
/// Changes of a donor's lifecycle and attributes, each one transaction with its audit row; after the commit the donor is applied to
/// the in-process search index (other replicas pick it up from the change feed).
/// </summary>
public sealed partial class DonorCommands(HscDbContext db, UnitOfWork unitOfWork, AuditLog audit, IndexSync indexSync, TimeProvider clock)
{
    public const int MaxReasonLength = 200;

    public Task<Donor> RecordSampleAsync(Caller caller, Guid donorId, string sampleId, string? etag, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(sampleId) || !SampleIdPattern().IsMatch(sampleId))
        {
            throw new ValidationFailedException("sample_id", "1–64 letters, digits, '-', '_' or '.'.", "样本编号格式不正确。");
        }
        return ChangeAsync(caller, donorId, etag, "RecordSample", async (donor, now, ct) =>
        {
            if (await db.Donors.AnyAsync(d => d.SampleId == sampleId && d.Id != donorId, ct))
            {
                throw new DuplicateException($"Sample id '{sampleId}' is already recorded for another donor.", "该样本编号已被使用。");
            }
            donor.RecordSample(sampleId, now);
            return $"sample {sampleId}";
        }, cancellationToken);
    }

    public Task<Donor> SetAttributesAsync(Caller caller, Guid donorId, AboGroup? abo, CmvStatus? cmv, string? etag,
        CancellationToken cancellationToken) =>
        ChangeAsync(caller, donorId, etag, "SetDonorAttributes", (donor, now, _) =>
        {
            donor.SetAttributes(abo, cmv, now);
            return Task.FromResult<string?>($"abo={abo?.ToString() ?? "kept"} cmv={cmv?.ToString() ?? "kept"}");
        }, cancellationToken);

    public Task<Donor> DeferAsync(Caller caller, Guid donorId, string? until, string? reason, string? etag, CancellationToken cancellationToken)
    {
        var v = new List<FieldViolation>();
        if (!DateOnly.TryParseExact(until, "yyyy-MM-dd", out var untilDate))
        {
            v.Add(new FieldViolation("until", "Expected a date \"YYYY-MM-DD\"."));
        }
        CheckReason(v, reason);
        ThrowIfAny(v);
        return ChangeAsync(caller, donorId, etag, "DeferDonor", (donor, now, _) =>
        {
            donor.Defer(untilDate, reason!.Trim(), Today(now), now);
            return Task.FromResult<string?>($"until {untilDate:yyyy-MM-dd}: {reason}");
        }, cancellationToken);
    }

    public Task<Donor> ReinstateAsync(Caller caller, Guid donorId, string? etag, CancellationToken cancellationToken) =>
        ChangeAsync(caller, donorId, etag, "ReinstateDonor", (donor, now, _) =>
        {
            donor.Reinstate(now);
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    public Task<Donor> WithdrawAsync(Caller caller, Guid donorId, string? reason, string? etag, CancellationToken cancellationToken)
    {
        var v = new List<FieldViolation>();
        CheckReason(v, reason);
        ThrowIfAny(v);
        return ChangeAsync(caller, donorId, etag, "WithdrawDonor", (donor, now, _) =>
        {
            donor.Withdraw(reason!.Trim(), now);
            return Task.FromResult<string?>(reason);
        }, cancellationToken);
    }

    public Task<Donor> PermanentlyDeferAsync(Caller caller, Guid donorId, string? reason, string? etag, CancellationToken cancellationToken)
    {
        var v = new List<FieldViolation>();
        CheckReason(v, reason);
        ThrowIfAny(v);
        return ChangeAsync(caller, donorId, etag, "PermanentlyDeferDonor", (donor, now, _) =>
        {
            donor.PermanentlyDefer(reason!.Trim(), now);
            return Task.FromResult<string?>(reason);
        }, cancellationToken);
    }

    /// <summary>Ages out every live donor past <paramref name="maximumAge"/> today; returns how many (scheduled, system actor).</summary>
    public async Task<int> AgeOutDueDonorsAsync(int maximumAge, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = Today(now);
        // Anyone born before this year ages out (DonorAge: the age reached this calendar year must not exceed the maximum).
        var bornBefore = today.Year - maximumAge;
        var final = DonorLifecycle.Final.ToArray();
        var changed = await unitOfWork.RunAsync(async ct =>
        {
            var due = await db.Donors.Where(d => d.BirthYear < bornBefore && !final.Contains(d.Status)).Take(1000).ToListAsync(ct);
            foreach (var donor in due)
            {
                if (donor.AgeOutIfDue(today, maximumAge, now))
                {
                    audit.Changed("AgeOut", AuditSubjects.Donor, donor.Id, SystemActors.AgeLimit, $"maximum age {maximumAge}");
                }
            }
            return due.Select(d => d.Id).ToList();
        }, cancellationToken);
        await indexSync.ApplyAsync(changed, cancellationToken);
        return changed.Count;
    }

    /// <summary>Reinstates donors whose temporary deferral ended before today (system actor); returns how many.</summary>
    public async Task<int> ReinstateEndedDeferralsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = Today(now);
        var changed = await unitOfWork.RunAsync(async ct =>
        {
            var due = await db.Donors.Where(d => d.Status == DonorStatus.TemporarilyDeferred && d.DeferredUntil < today).Take(1000).ToListAsync(ct);
            foreach (var donor in due)
            {
                var until = donor.DeferredUntil;
                donor.Reinstate(now);
                audit.Changed("ReinstateDonor", AuditSubjects.Donor, donor.Id, SystemActors.DeferralEnded, $"deferral ended {until:yyyy-MM-dd}");
            }
            return due.Select(d => d.Id).ToList();
        }, cancellationToken);
        await indexSync.ApplyAsync(changed, cancellationToken);
        return changed.Count;
    }

    private async Task<Donor> ChangeAsync(Caller caller, Guid donorId, string? etag, string operation,
        Func<Donor, DateTimeOffset, CancellationToken, Task<string?>> change, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, Operation.ManageDonors);
        var donor = await unitOfWork.RunAsync(async ct =>
        {
            var donor = await db.Donors.FirstOrDefaultAsync(d => d.Id == donorId, ct)
                ?? throw new NotFoundException("Donor", ResourceNames.Donor(donorId), "未找到该捐献者。");
            AccessPolicy.Require(caller, Operation.ManageDonors, donor.RegionCode);
            if (!string.IsNullOrEmpty(etag) && etag != ETag(donor))
            {
                throw new ConcurrentEditException("Donor", ResourceNames.Donor(donorId), "捐献者已被他人修改，请刷新后重试。");
            }
            var now = clock.GetUtcNow();
            var detail = await change(donor, now, ct);
            audit.Changed(operation, AuditSubjects.Donor, donor.Id, caller.ToActor(), detail);
            return donor;
        }, cancellationToken);
        await indexSync.ApplyAsync([donor.Id], cancellationToken);
        return donor;
    }

    public static string ETag(Donor donor) => donor.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static void CheckReason(List<FieldViolation> v, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength)
        {
            v.Add(new FieldViolation("reason", $"Give a reason code (1–{MaxReasonLength} characters)."));
        }
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
