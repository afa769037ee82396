using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DonationRegistry.Hsc.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service (no database is contacted).</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<HscDbContext>
{
    public HscDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<HscDbContext>().UseNpgsql("Host=127.0.0.1;Database=hscdb").Options);
}
