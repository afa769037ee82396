using DonationRegistry.Common.Errors;
using DonationRegistry.Identity.Domain;
using DonationRegistry.Identity.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DonationRegistry.Identity.Accounts;

/// <summary>
/// Every read and write of users: used by the token endpoint, the login page, the UserAdmin API, seeding and the test fixture,
/// so the rules are enforced in one place. Bad input throws <see cref="ValidationFailedException"/> with the proto's field names.
/// </summary>
public sealed class UserDirectory(IdentityDbContext db, IPasswordHasher<User> hasher, TimeProvider clock)
{
    /// <summary>Hash compared against when the user does not exist, so the answer takes as long as for a wrong password.</summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<User>().HashPassword(null!, "not-a-password"));

    public async Task<User> CreateAsync(UserProfile profile, string password, string? requestId, CancellationToken cancellationToken)
    {
        profile = profile with { UserName = UserRules.NormalizeUserName(profile.UserName), DisplayName = profile.DisplayName.Trim() };
        var violations = new List<FieldViolation>();
        UserRules.CheckUserName(profile.UserName, "user.user_name", violations);
        UserRules.CheckDisplayName(profile.DisplayName, "user.display_name", violations);
        UserRules.CheckAssignment(profile.Role, profile.OrgType, profile.OrgId, profile.Region, "user.", violations);
        UserRules.CheckPassword(password, "password", violations);
        if (requestId is { Length: > 64 })
        {
            violations.Add(new FieldViolation("request_id", "The request id must be at most 64 characters."));
        }
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations, "用户信息有误，请检查后重试。");
        }

        if (!string.IsNullOrEmpty(requestId))
        {
            var earlier = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.CreateRequestId == requestId, cancellationToken);
            if (earlier is not null)
            {
                return earlier.UserName == profile.UserName
                    ? earlier
                    : throw new ValidationFailedException("request_id", "This request id was already used to create another user.");
            }
        }
        if (await db.Users.AnyAsync(u => u.UserName == profile.UserName, cancellationToken))
        {
            throw Duplicate(profile.UserName);
        }

        var now = clock.GetUtcNow();
        var user = new User(Guid.CreateVersion7(now), profile, now) { CreateRequestId = string.IsNullOrEmpty(requestId) ? null : requestId };
        user.SetPasswordHash(hasher.HashPassword(user, password), now);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Lost a race with a concurrent create of the same name.
            db.Entry(user).State = EntityState.Detached;
            throw Duplicate(profile.UserName);
        }
        return user;
    }

    public Task<User?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    public Task<User?> FindByUserNameAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = UserRules.NormalizeUserName(userName);
        return db.Users.FirstOrDefaultAsync(u => u.UserName == normalized, cancellationToken);
    }

    public async Task<User> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) ?? throw new NotFoundException("User", "users/" + id, "找不到该用户。");

    /// <summary>Checks a sign-in; upgrades the stored hash when the hasher asks for it.</summary>
    public async Task<PasswordCheck> CheckPasswordAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(userName) ? null : await FindByUserNameAsync(userName, cancellationToken);
        if (user is null || string.IsNullOrEmpty(password))
        {
            hasher.VerifyHashedPassword(null!, DummyHash.Value, password ?? "");
            return new PasswordCheck(PasswordCheckOutcome.WrongCredentials, null);
        }
        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            return new PasswordCheck(PasswordCheckOutcome.WrongCredentials, null);
        }
        if (user.Disabled)
        {
            return new PasswordCheck(PasswordCheckOutcome.Disabled, user);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.SetPasswordHash(hasher.HashPassword(user, password), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        return new PasswordCheck(PasswordCheckOutcome.Succeeded, user);
    }

    /// <summary>One page of users ordered by user name, starting after <paramref name="afterUserName"/>.</summary>
    public async Task<IReadOnlyList<User>> ListAsync(int take, string? afterUserName, CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(afterUserName))
        {
            // Translated to "user_name > @after"; the column's collation is "C", so this is byte order, like ORDER BY below.
#pragma warning disable CA1309 // EF translates only the two-argument overload.
            query = query.Where(u => string.Compare(u.UserName, afterUserName) > 0);
#pragma warning restore CA1309
        }
        return await query.OrderBy(u => u.UserName).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<User> AssignRoleAsync(Guid id, string role, string orgType, string orgId, string region, uint? expectedVersion,
        CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        UserRules.CheckAssignment(role, orgType, orgId, region, "", violations);
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations, "角色或机构信息有误，请检查后重试。");
        }
        var user = await GetAsync(id, cancellationToken);
        ExpectVersion(user, expectedVersion);
        user.AssignRole(role, orgType, orgId, region, clock.GetUtcNow());
        await SaveAsync(user, cancellationToken);
        return user;
    }

    public async Task<User> DisableAsync(Guid id, uint? expectedVersion, CancellationToken cancellationToken)
    {
        var user = await GetAsync(id, cancellationToken);
        ExpectVersion(user, expectedVersion);
        if (!user.Disabled)
        {
            user.Disable(clock.GetUtcNow());
            await SaveAsync(user, cancellationToken);
        }
        return user;
    }

    /// <summary>Sets a new password (seeding and tools; not exposed over the API).</summary>
    public async Task SetPasswordAsync(User user, string password, CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        UserRules.CheckPassword(password, "password", violations);
        if (violations.Count > 0)
        {
            throw new ValidationFailedException(violations);
        }
        user.SetPasswordHash(hasher.HashPassword(user, password), clock.GetUtcNow());
        await SaveAsync(user, cancellationToken);
    }

    private void ExpectVersion(User user, uint? expectedVersion)
    {
        if (expectedVersion is { } version)
        {
            // Compared by the database too: the UPDATE carries "WHERE xmin = version".
            db.Entry(user).Property(u => u.Version).OriginalValue = version;
        }
    }

    private async Task SaveAsync(User user, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(user).State = EntityState.Detached;
            throw new ConcurrentEditException("User", "users/" + user.Id, "该用户已被他人修改，请刷新后重试。");
        }
    }

    private static DuplicateException Duplicate(string userName) =>
        new($"A user named '{userName}' already exists.", $"用户名“{userName}”已被占用。");
}
