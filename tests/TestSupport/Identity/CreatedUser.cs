namespace DonationRegistry.TestSupport.Identity;

/// <summary>A user made by <see cref="IdentityServer.CreateUserAsync"/>, with the password it signs in with.</summary>
public sealed record CreatedUser(Guid Id, string UserName, string Password);
