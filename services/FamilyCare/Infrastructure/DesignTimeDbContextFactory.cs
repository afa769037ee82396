using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DonationRegistry.FamilyCare.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service (no database is contacted).</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<FamilyCareDbContext>
{
    public FamilyCareDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FamilyCareDbContext>().UseNpgsql("Host=127.0.0.1;Database=familycaredb").Options);
}
