using System.Security.Cryptography;
using System.Text;
using DonationRegistry.Common.Errors;
using DonationRegistry.Common.PersonalData;
using DonationRegistry.Registration.Application;
using DonationRegistry.Registration.Domain;
using DonationRegistry.Registration.Domain.Points;
using DonationRegistry.Registration.Domain.Registrations;
using DonationRegistry.Registration.Domain.Statistics;
using DonationRegistry.Registration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.Registration.Seeding;

/// <summary>
/// Demo data for development (<c>Registration:SeedDemoData=true</c>, set by the AppHost): for each of the 11 city Red Crosses a
/// city-level point (RP-{city}-0001, the organisation of the demo user <c>clerk</c> for Hangzhou) and two county points, all
/// Active, and <see cref="VolunteersPerCity"/> synthetic volunteers spread over the last two years and over every state (most
/// Registered; some Draft, PendingWitness, Forwarded, Revoked, ObjectionRecorded, Realised) plus a few HSC enrolments.
/// </summary>
/// <remarks>
/// Everything goes through the domain's own rules (point lifecycle, <see cref="RegistrationForm"/> validation, the registration
/// lifecycle, ID-number protection, registration numbers, the statistics projection, the audit log), with the actor
/// <c>system:demo-seed</c> and back-dated times; one transaction per city. No integration events are published: other services
/// seed their own demo data. Idempotent: a city whose first point exists (found by its fixed request id) is skipped, so running it
/// twice adds nothing.
/// </remarks>
public sealed partial class DemoDataSeeder(IServiceProvider services, TimeProvider clock, ILogger<DemoDataSeeder> logger) : BackgroundService
{
    public const int VolunteersPerCity = 300;
    public const int HscEnrolmentsPerCity = 15;

    private static readonly Actor Seeder = new("system:demo-seed", Common.Roles.RegistryOfficer, "RC-330000", RegionCodes.Province);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var (cities, volunteers) = await SeedAsync(stoppingToken);
            LogSeeded(logger, cities, volunteers);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex) when (ex is DbUpdateException or DomainException or InvalidOperationException or Npgsql.NpgsqlException)
        {
            LogFailed(logger, ex);
        }
    }

    /// <summary>Seeds every city not yet seeded; returns how many cities and volunteers were added.</summary>
    public async Task<(int Cities, int Volunteers)> SeedAsync(CancellationToken cancellationToken)
    {
        var (cities, volunteers) = (0, 0);
        foreach (var city in RegionCodes.Cities.Keys.Order(StringComparer.Ordinal))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistrationDbContext>();
            var marker = DemoId("point", city, 0);
            if (await db.Points.AnyAsync(p => p.RequestId == marker, cancellationToken))
            {
                continue;
            }
            var added = await new UnitOfWork(db).RunAsync(ct => SeedCityAsync(scope.ServiceProvider, db, city, ct), cancellationToken);
            cities++;
            volunteers += added;
        }
        return (cities, volunteers);
    }

    private async Task<int> SeedCityAsync(IServiceProvider scoped, RegistrationDbContext db, string city, CancellationToken cancellationToken)
    {
        var protection = scoped.GetRequiredService<IdNumberProtection>();
        var numbers = scoped.GetRequiredService<RegistrationNumbers>();
        var statistics = scoped.GetRequiredService<StatisticsProjection>();
        var audit = scoped.GetRequiredService<AuditLog>();
        var now = clock.GetUtcNow();
        var people = new DemoPeople(int.Parse(city, System.Globalization.CultureInfo.InvariantCulture));
        var random = people.Random;
        var cityName = RegionCodes.Cities[city];
        var counties = DemoRegions.Counties[city];
        var opened = now.AddDays(-760);

        // Points: the city Red Cross office, then two county points (an elderly-care centre and a hospital).
        var points = new List<RegistrationPoint>();
        var pointSpecs = new (string Region, string Name, string Host, PointKind Kind)[]
        {
            (city, $"{cityName}市红十字会登记点", $"{cityName}市红十字会", PointKind.RedCrossOffice),
            (counties[0].Code, $"{cityName}{counties[0].Name}养老服务中心登记点", $"{cityName}{counties[0].Name}社会养老服务中心", PointKind.ElderCare),
            (counties[1].Code, $"{cityName}{counties[1].Name}人民医院登记点", $"{cityName}{counties[1].Name}人民医院", PointKind.Hospital),
        };
        for (var i = 0; i < pointSpecs.Length; i++)
        {
            var spec = pointSpecs[i];
            var details = new PointDetails(spec.Name, spec.Host, spec.Kind, spec.Region, $"浙江省{cityName}市{spec.Name[..^3]}", "0571-8" + (1000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                [PointService.Consultation, PointService.Registration, PointService.IntentLetterWitness, PointService.HscSampleCollection]);
            var point = new RegistrationPoint(DemoId("point-id", city, i), await NextPointCodeAsync(db, spec.Region, points, cancellationToken), details, Seeder, opened)
            {
                RequestId = DemoId("point", city, i),
            };
            point.Transition(PointTrigger.Authorise, Seeder, "演示数据", opened.AddDays(1));
            point.Transition(PointTrigger.Activate, Seeder, "演示数据", opened.AddDays(2));
            db.Points.Add(point);
            audit.Changed("SeedDemoData", AuditSubjects.Point, point.Id, Seeder);
            points.Add(point);
        }

        var today = StatisticsProjection.DayOf(now);
        for (var n = 0; n < VolunteersPerCity; n++)
        {
            var point = points[random.Next(points.Count)];
            var created = now.AddDays(-random.Next(2, 730)).AddMinutes(-random.Next(0, 600));
            var organ = random.Next(10) < 7;
            var programme = organ ? Programme.Organ : Programme.BodyAndTissue;
            var county = counties[random.Next(counties.Length)].Code;
            var idNumber = people.IdNumber(county, new DateOnly(1940, 1, 1), today.AddYears(-20));
            var violations = new List<FieldViolation>();
            var person = RegistrationForm.ValidatePerson(violations, "person",
                new PersonForm(people.Name(), IdType.ResidentId, idNumber, null, Sex.Unknown, people.Mobile(), $"浙江省{cityName}市{counties[random.Next(counties.Length)].Name}"),
                StatisticsProjection.DayOf(created));
            var scope = Scope(random, organ);
            var validScope = RegistrationForm.ValidateScope(violations, "scope", programme, scope);
            var executor = ScopeRules.NeedsExecutor(validScope)
                ? new Executor(ExecutorKind.Relative, people.Name(), people.Mobile())
                : null;
            RegistrationForm.ThrowIfAny(violations);

            var registration = VolunteerRegistration.AtPoint(DemoId("registration-id", city, n), point, programme, validScope,
                new Volunteer(person, protection.Protect(IdType.ResidentId, person.IdNumber)),
                new NotificationContact(people.Name(), random.Next(2) == 0 ? "配偶" : "子女", people.Mobile()), executor, Seeder, created);
            registration.RequestId = DemoId("registration", city, n);
            db.Registrations.Add(registration);
            audit.Changed("SeedDemoData", AuditSubjects.Registration, registration.Id, Seeder);
            await AdvanceAsync(registration, random.Next(100), created, now, numbers, statistics, cancellationToken);
        }

        for (var n = 0; n < HscEnrolmentsPerCity; n++)
        {
            var point = points[random.Next(points.Count)];
            var at = now.AddDays(-random.Next(2, 730));
            var birthFrom = StatisticsProjection.DayOf(at).AddYears(-44);
            var birthTo = StatisticsProjection.DayOf(at).AddYears(-19);
            var idNumber = people.IdNumber(counties[random.Next(counties.Length)].Code, birthFrom, birthTo);
            ResidentIdNumber.TryParse(idNumber, today, out var resident, out _);
            var enrolment = new HscEnrolment(DemoId("hsc", city, n), point.Id, point.RegionCode, protection.LookupHash(IdType.ResidentId, idNumber),
                resident!.BirthDate.Year, resident.Sex, at)
            {
                RequestId = DemoId("hsc-request", city, n),
            };
            db.HscEnrolments.Add(enrolment);
            audit.Changed("SeedDemoData", AuditSubjects.HscEnrolment, enrolment.VolunteerId, Seeder);
            await statistics.CountAsync(StatisticsCounter.HscEnrolled, "Hsc", point.RegionCode, point.Id, at, cancellationToken);
        }
        return VolunteersPerCity;
    }

    /// <summary>
    /// Moves a fresh draft along its lifecycle by a roll of 0–99: 8 % stay Draft, 5 % PendingWitness, 5 % Forwarded, the rest are
    /// Registered and of those some are later revoked (6 %), object in writing (3 %) or died and donated (2 %). Steps that would lie
    /// in the future are not taken.
    /// </summary>
    private static async Task AdvanceAsync(VolunteerRegistration registration, int roll, DateTimeOffset created, DateTimeOffset now,
        RegistrationNumbers numbers, StatisticsProjection statistics, CancellationToken cancellationToken)
    {
        var programme = registration.Programme.ToString();
        if (roll < 8)
        {
            return;
        }
        var witnessed = created.AddHours(1);
        registration.RecordWitnessing([], familyInformed: true, Convert.ToHexStringLower(SHA256.HashData(registration.Id.ToByteArray())), Seeder, witnessed);
        if (roll < 13)
        {
            return;
        }
        registration.Forward(Seeder, witnessed.AddMinutes(30));
        var confirmed = created.AddDays(1);
        if (roll < 18 || confirmed > now)
        {
            return;
        }
        var year = StatisticsProjection.DayOf(confirmed).Year;
        registration.Confirm(await numbers.NextAsync(registration.RegionCode, year, cancellationToken), RegistrationNumber.NewVerificationCode(), Seeder, confirmed);
        await statistics.CountAsync(StatisticsCounter.NewRegistrations, programme, registration.RegionCode, registration.PointId, confirmed, cancellationToken);
        var later = confirmed.AddDays(1 + (roll * 7 % 300));
        if (later > now)
        {
            return;
        }
        switch (roll)
        {
            case >= 18 and < 24:
                registration.Revoke("本人申请撤销（演示数据）", Seeder, later);
                await statistics.CountAsync(StatisticsCounter.Revoked, programme, registration.RegionCode, registration.PointId, later, cancellationToken);
                break;
            case >= 24 and < 27:
                registration.RecordObjection("DEMO-OBJ-" + registration.Id.ToString("N")[..8], "本人书面反对（演示数据）", Seeder, later);
                await statistics.CountAsync(StatisticsCounter.Objections, programme, registration.RegionCode, registration.PointId, later, cancellationToken);
                break;
            case >= 27 and < 29:
                registration.RecordDeath(Seeder, later);
                registration.RecordOutcome(true, "演示数据", Seeder, later.AddDays(1));
                await statistics.CountAsync(StatisticsCounter.Realised, programme, registration.RegionCode, registration.PointId, later.AddDays(1), cancellationToken);
                break;
        }
    }

    /// <summary>A plausible scope: all organs, or some organs; a whole body with cornea, or tissue only.</summary>
    private static DonationScope[] Scope(Random random, bool organ)
    {
        if (!organ)
        {
            return random.Next(3) switch
            {
                0 => [DonationScope.Body],
                1 => [DonationScope.Body, DonationScope.Cornea],
                _ => [DonationScope.Cornea, DonationScope.BrainTissue],
            };
        }
        if (random.Next(3) == 0)
        {
            return [DonationScope.AllOrgans];
        }
        DonationScope[] organs = [DonationScope.Heart, DonationScope.Lung, DonationScope.Liver, DonationScope.Kidney, DonationScope.Pancreas, DonationScope.SmallIntestine];
        return [.. organs.Where(_ => random.Next(2) == 0).DefaultIfEmpty(DonationScope.Kidney)];
    }

    /// <summary>The next free code "RP-{region}-{seq:0000}" (the format PointCommands issues), counting points added in this run.</summary>
    private static async Task<string> NextPointCodeAsync(RegistrationDbContext db, string region, List<RegistrationPoint> added, CancellationToken cancellationToken)
    {
        var prefix = $"RP-{region}-";
        var last = await db.Points.Where(p => p.Code.StartsWith(prefix)).OrderByDescending(p => p.Code).Select(p => p.Code).FirstOrDefaultAsync(cancellationToken);
        var next = (last is null ? 0 : int.Parse(last.AsSpan(prefix.Length), System.Globalization.CultureInfo.InvariantCulture)) + 1
            + added.Count(p => p.Code.StartsWith(prefix, StringComparison.Ordinal));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{next:0000}");
    }

    /// <summary>A fixed GUID for a demo record (the same every run), so re-seeding finds what it made before.</summary>
    internal static Guid DemoId(string kind, string city, int n)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"donationregistry-demo:{kind}:{city}:{n}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8 (custom)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Cities} city/cities seeded with {Volunteers} volunteers")]
    private static partial void LogSeeded(ILogger logger, int cities, int volunteers);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo data seeding failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
