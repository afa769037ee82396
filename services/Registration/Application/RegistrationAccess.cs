using DonationRegistry.Common.Errors;
using DonationRegistry.Registration.Domain.Registrations;
using DonationRegistry.Registration.Infrastructure;
using DonationRegistry.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Registration.Application;

/// <summary>Loads a registration and applies <see cref="AccessPolicy"/> to it: through its point, or its region when it has none.</summary>
internal static class RegistrationAccess
{
    public static async Task<VolunteerRegistration> LoadAsync(RegistrationDbContext db, Caller caller, Operation operation, Guid id,
        bool track, CancellationToken cancellationToken)
    {
        AccessPolicy.Require(caller, operation);
        var query = track ? db.Registrations : db.Registrations.AsNoTracking();
        var registration = await query.FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("Registration", ResourceNames.Registration(id), "未找到该登记。");
        await RequireAsync(db, caller, operation, registration, cancellationToken);
        return registration;
    }

    public static async Task RequireAsync(RegistrationDbContext db, Caller caller, Operation operation, VolunteerRegistration registration,
        CancellationToken cancellationToken)
    {
        if (registration.PointId is { } pointId)
        {
            var point = await db.Points.AsNoTracking().FirstAsync(p => p.Id == pointId, cancellationToken);
            AccessPolicy.Require(caller, operation, point);
        }
        else
        {
            AccessPolicy.RequireRegion(caller, operation, registration.RegionCode);
        }
    }

    /// <summary>Whether the caller may read the registration (for deciding what a duplicate error may reveal).</summary>
    public static async Task<bool> MayReadAsync(RegistrationDbContext db, Caller caller, VolunteerRegistration registration,
        CancellationToken cancellationToken)
    {
        try
        {
            await RequireAsync(db, caller, Operation.ReadRegistrations, registration, cancellationToken);
            return true;
        }
        catch (AccessDeniedException)
        {
            return false;
        }
    }
}
