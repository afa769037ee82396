using DonationRegistry.Common.Errors;
using DonationRegistry.OrganCoordination.Domain.Credentials;
using DonationRegistry.OrganCoordination.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>
/// A coordinator may open and run cases only while holding an active credential (certified, unexpired, not suspended or revoked;
/// 条例 Art 47 and DOMAIN.md section 4). Checked on every coordinator step of every case kind; other roles are not coordinators.
/// </summary>
public sealed class ActiveCredentials(OrganDbContext db, TimeProvider clock)
{
    public async Task RequireAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.Role != Roles.OrganCoordinator)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var held = await db.Credentials.AsNoTracking().Where(c => c.HolderId == caller.Subject).ToListAsync(cancellationToken);
        if (held.Any(c => c.IsActiveAt(now)))
        {
            return;
        }
        var latest = held.OrderByDescending(c => c.CreatedAt).FirstOrDefault();
        var why = latest switch
        {
            null => "you hold no coordinator credential",
            { Status: CredentialStatus.Certified } => "your credential expired",
            { Status: var status } => $"your credential is {status}",
        };
        throw new AccessDeniedException(
            $"Coordinator steps need an active coordinator credential (certified, unexpired, not suspended); {why}.",
            "执行协调员操作须持有有效的协调员资格（已认证、未过期、未暂停）。");
    }
}
