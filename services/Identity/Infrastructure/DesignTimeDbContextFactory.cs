using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DonationRegistry.Identity.Infrastructure;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting the service. The connection string is only used by
/// commands that touch a database (<c>dotnet ef database update --connection ...</c> overrides it).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IdentityDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__identitydb")
                ?? "Host=127.0.0.1;Port=5432;Database=identitydb;Username=postgres")
            .UseOpenIddict()
            .Options;
        return new IdentityDbContext(options);
    }
}
