namespace DonationRegistry.Identity.Domain;

/// <summary>A person who may sign in, with the role, organisation and region that end up in their access tokens.</summary>
public sealed class User
{
    private User()
    {
    }

    public User(Guid id, UserProfile profile, DateTimeOffset now)
    {
        Id = id;
        UserName = profile.UserName;
        DisplayName = profile.DisplayName;
        Role = profile.Role;
        OrgType = profile.OrgType;
        OrgId = profile.OrgId;
        Region = profile.Region;
        CreatedAt = now;
        UpdatedAt = now;
    }

    /// <summary>UUIDv7; the <c>sub</c> claim.</summary>
    public Guid Id { get; private set; }

    /// <summary>Sign-in name, lower case, unique, never changed.</summary>
    public string UserName { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    /// <summary>Written by <see cref="Microsoft.AspNetCore.Identity.PasswordHasher{TUser}"/>; empty until a password is set.</summary>
    public string PasswordHash { get; private set; } = "";

    /// <summary>One of <see cref="Common.Roles.People"/>.</summary>
    public string Role { get; private set; } = "";

    public string OrgType { get; private set; } = "";

    public string OrgId { get; private set; } = "";

    /// <summary>Six-digit GB/T 2260 code.</summary>
    public string Region { get; private set; } = "";

    public bool Disabled { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Idempotency key of the CreateUser call that created the user, if the caller gave one.</summary>
    public string? CreateRequestId { get; set; }

    /// <summary>PostgreSQL <c>xmin</c>: optimistic concurrency token.</summary>
    public uint Version { get; private set; }

    public void SetPasswordHash(string hash, DateTimeOffset now)
    {
        PasswordHash = hash;
        UpdatedAt = now;
    }

    public void AssignRole(string role, string orgType, string orgId, string region, DateTimeOffset now)
    {
        Role = role;
        OrgType = orgType;
        OrgId = orgId;
        Region = region;
        UpdatedAt = now;
    }

    public void Disable(DateTimeOffset now)
    {
        Disabled = true;
        UpdatedAt = now;
    }
}
