using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DonationRegistry.OrganCoordination.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service (no database is contacted).</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<OrganDbContext>
{
    public OrganDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<OrganDbContext>().UseNpgsql("Host=127.0.0.1;Database=organdb").Options);
}
