using System.Globalization;
using DonationRegistry.Common;
using DonationRegistry.Common.PersonalData;
using DonationRegistry.Registration.V1;
using Npgsql;
using Xunit;

namespace DonationRegistry.SystemTests;

/// <summary>
/// Journey: the demo clerk of the registration point RP-330100-0001 enrols an HSC volunteer in Registration; the
/// <c>HscVolunteerEnrolled</c> event crosses the real broker and the HSC service (another process) enrols the donor in its own
/// database under the pseudonymous volunteer id — and no ID number travels.
/// </summary>
[Collection(SystemFixture.Collection)]
public sealed class HscEnrolmentJourneyTests(SystemFixture system)
{
    [Fact]
    public async Task EnrollHscVolunteer_ByTheRegistrationPointClerk_EnrolsTheDonorInTheHscService()
    {
        var clerk = await system.TokenAsync("clerk", Scopes.Registration);
        var points = new RegistrationPoints.RegistrationPointsClient(system.Channel("registration", clerk));
        var registrations = new Registrations.RegistrationsClient(system.Channel("registration", clerk));
        // Registration seeds the demo points in the background after it starts; the clerk sees only their own.
        RegistrationPoint? point = null;
        Assert.True(await Eventually.HoldsAsync(async () =>
            (point = (await points.ListRegistrationPointsAsync(new ListRegistrationPointsRequest())).Points.FirstOrDefault()) is not null,
            TimeSpan.FromMinutes(3)), "The demo clerk's point was not seeded.");
        var idNumber = NewIdNumber(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-30));

        var enrolment = await registrations.EnrollHscVolunteerAsync(new EnrollHscVolunteerRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            RegistrationPoint = point!.Name,
            Person = new Person { FullName = "系统测试", IdType = IdType.ResidentId, IdNumber = idNumber, Phone = "13800138000", Address = "杭州市西湖区文三路 100 号" },
            Consents = new Consents { SensitiveData = true, TransferToProvincialCentre = true },
        });

        var volunteer = Guid.Parse(enrolment.VolunteerId);
        Assert.True(await Eventually.HoldsAsync(async () => await HscDonorsAsync(volunteer) == 1, TimeSpan.FromMinutes(3)),
            "The HSC service did not enrol the donor.");
        Assert.Equal(0, await HscRowsMentioningAsync(idNumber));
    }

    private async Task<long> HscDonorsAsync(Guid volunteer)
    {
        await using var connection = new NpgsqlConnection(system.Database("hscdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM donors WHERE \"Id\" = @id", connection);
        command.Parameters.AddWithValue("id", volunteer);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Rows of the HSC database's inbox and audit log whose text contains the ID number (the event carries none).</summary>
    private async Task<long> HscRowsMentioningAsync(string idNumber)
    {
        await using var connection = new NpgsqlConnection(system.Database("hscdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM audit_log a WHERE a::text LIKE @p) + (SELECT count(*) FROM donors d WHERE d::text LIKE @p)", connection);
        command.Parameters.AddWithValue("p", "%" + idNumber + "%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A valid resident ID number (GB 11643) of a man born on <paramref name="birth"/> in 西湖区.</summary>
    private static string NewIdNumber(DateOnly birth)
    {
        var sequence = (Random.Shared.Next(100, 499) * 2) + 1;
        var first17 = string.Create(CultureInfo.InvariantCulture, $"330106{birth:yyyyMMdd}{sequence:000}");
        return first17 + ResidentIdNumber.CheckCharacterOf(first17);
    }
}
