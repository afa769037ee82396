using DonationRegistry.Registration.Domain.Registrations;
using DonationRegistry.Registration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Registration.Application;

/// <summary>
/// Issues registration numbers per region and year from a counter row incremented atomically in SQL, inside the caller's
/// transaction: a rolled-back confirmation gives its number back, and two confirmations never share one.
/// </summary>
public sealed class RegistrationNumbers(RegistrationDbContext db)
{
    public async Task<string> NextAsync(string regionCode, int year, CancellationToken cancellationToken)
    {
        var next = await db.Database.SqlQuery<long>($"""
            INSERT INTO registration_number_counters ("RegionCode", "Year", "Last") VALUES ({regionCode}, {year}, 1)
            ON CONFLICT ("RegionCode", "Year") DO UPDATE SET "Last" = registration_number_counters."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(cancellationToken);
        return RegistrationNumber.Format(regionCode, year, next[0]);
    }
}
