extern alias registration;

using System.Security.Cryptography;
using DonationRegistry.Common;
using DonationRegistry.Registration.V1;
using DonationRegistry.TestSupport;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using RegistrationDbContext = registration::DonationRegistry.Registration.Infrastructure.RegistrationDbContext;

namespace DonationRegistry.Registration.Tests;

/// <summary>
/// GetStatistics after a scripted set of registrations, revocations and objections in two cities (Hangzhou: points in 西湖区 and
/// 余杭区; Ningbo: a point in 海曙区) on two days that are also two months and two years (2025-12-31 and 2026-01-01, Asia/Shanghai).
/// The service runs on a database of its own with a clock the test sets (witnessing without witnesses, so no signature time lies
/// in the clock's future), so the counts are exact.
/// </summary>
[Collection(RegistrationFixture.Collection)]
public sealed class StatisticsTests(RegistrationFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Day1 = new(2025, 12, 31, 10, 0, 0, Shanghai);
    private static readonly DateTimeOffset Day2 = new(2026, 1, 1, 10, 0, 0, Shanghai);

    private static readonly SemaphoreSlim WorldLock = new(1, 1);
    private static World? _world;

    private ServiceHost<RegistrationDbContext> _host = null!;
    private StatisticsClock _clock = null!;
    private Scenario _scenario = null!;

    /// <summary>
    /// The host, its database and the scenario are made once for all tests of the class (they only read) and live until the test
    /// process ends, when the shared PostgreSQL is removed with everything in it.
    /// </summary>
    public async Task InitializeAsync()
    {
        await WorldLock.WaitAsync();
        try
        {
            if (_world is null || _world.Fixture != fixture)
            {
                var database = new FreshDatabase();
                await database.InitializeAsync();
                _clock = new StatisticsClock();
                _clock.Set(Day1);
                _host = new ServiceHost<RegistrationDbContext>(new Dictionary<string, string?>
                {
                    ["ConnectionStrings:registrationdb"] = database.ConnectionString,
                    ["ConnectionStrings:messaging"] = fixture.BrokerConnectionString,
                    ["Messaging:ServiceName"] = "registration-stats-" + Guid.NewGuid().ToString("N")[..8],
                    ["Identity:Authority"] = fixture.Identity.Authority,
                    ["PersonalData:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                    ["PersonalData:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                    ["Logging:LogLevel:Default"] = "Warning",
                }, services => services.AddSingleton<TimeProvider>(_clock));
                _ = _host.Server;
                _world = new World(fixture, _host, _clock, await PlayScenarioAsync());
            }
            (_host, _clock, _scenario) = (_world.Host, _world.Clock, _world.Scenario);
        }
        finally
        {
            WorldLock.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record World(RegistrationFixture Fixture, ServiceHost<RegistrationDbContext> Host, StatisticsClock Clock, Scenario Scenario);

    [Fact]
    public async Task GetStatistics_WhenCityLevelByDay_CountsNewRevokedObjectionsAndCumulativePerCity()
    {
        var rows = await StatisticsAsync(RegionLevel.City, Granularity.Day, Programme.Organ);

        Assert.Equal(
        [
            ("ORGAN", "330100", "2025-12-31", 3L, 2L, 1L, 0L),
            ("ORGAN", "330100", "2026-01-01", 2L, 3L, 1L, 0L),
            ("ORGAN", "330200", "2025-12-31", 2L, 2L, 0L, 0L),
            ("ORGAN", "330200", "2026-01-01", 1L, 3L, 0L, 1L),
        ], rows.Select(Row));
    }

    [Fact]
    public async Task GetStatistics_WhenCountyLevelByDay_GivesEachCountyItsOwnSeries()
    {
        var rows = await StatisticsAsync(RegionLevel.County, Granularity.Day, Programme.Organ);

        Assert.Equal(
        [
            ("ORGAN", "330106", "2025-12-31", 3L, 2L, 1L, 0L),
            ("ORGAN", "330106", "2026-01-01", 0L, 1L, 1L, 0L),
            ("ORGAN", "330110", "2025-12-31", 0L, 0L, 0L, 0L),
            ("ORGAN", "330110", "2026-01-01", 2L, 2L, 0L, 0L),
            ("ORGAN", "330203", "2025-12-31", 2L, 2L, 0L, 0L),
            ("ORGAN", "330203", "2026-01-01", 1L, 3L, 0L, 1L),
        ], rows.Select(Row));
    }

    [Fact]
    public async Task GetStatistics_WhenPointLevelByMonth_GroupsByPointCode()
    {
        var rows = await StatisticsAsync(RegionLevel.Point, Granularity.Month, Programme.Organ);

        Assert.Equal(
        new[]
        {
            ("ORGAN", _scenario.Xihu, "2025-12-01", 3L, 2L, 1L, 0L),
            ("ORGAN", _scenario.Xihu, "2026-01-01", 0L, 1L, 1L, 0L),
            ("ORGAN", _scenario.Yuhang, "2025-12-01", 0L, 0L, 0L, 0L),
            ("ORGAN", _scenario.Yuhang, "2026-01-01", 2L, 2L, 0L, 0L),
            ("ORGAN", _scenario.Haishu, "2025-12-01", 2L, 2L, 0L, 0L),
            ("ORGAN", _scenario.Haishu, "2026-01-01", 1L, 3L, 0L, 1L),
        }.OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.Item3, StringComparer.Ordinal), rows.Select(Row));
    }

    [Fact]
    public async Task GetStatistics_WhenProvinceLevelByYearForAllProgrammes_GivesOneSeriesPerProgramme()
    {
        var rows = await StatisticsAsync(RegionLevel.Province, Granularity.Year, Programme.Unspecified);

        Assert.Equal(
        [
            ("BODY_AND_TISSUE", "330000", "2025-01-01", 1L, 1L, 0L, 0L),
            ("BODY_AND_TISSUE", "330000", "2026-01-01", 0L, 1L, 0L, 0L),
            ("ORGAN", "330000", "2025-01-01", 5L, 4L, 1L, 0L),
            ("ORGAN", "330000", "2026-01-01", 3L, 6L, 1L, 1L),
        ], rows.Select(Row));
    }

    [Fact]
    public async Task GetStatistics_WhenRangeStartsAfterActivity_CarriesEarlierRegistrationsIntoCumulative()
    {
        var rows = await StatisticsAsync(RegionLevel.City, Granularity.Day, Programme.Organ, from: "2026-01-01", regionCode: "330100");

        Assert.Equal([("ORGAN", "330100", "2026-01-01", 2L, 3L, 1L, 0L)], rows.Select(Row));
    }

    [Fact]
    public async Task GetStatistics_WhenClerkAsksForTheProvince_ReturnsOnlyTheirOwnPoint()
    {
        var rows = await StatisticsAsync(RegionLevel.Point, Granularity.Year, Programme.Organ, token: _scenario.XihuClerkToken, regionCode: "330000");

        Assert.All(rows, r => Assert.Equal(_scenario.Xihu, r.Group));
        Assert.Equal(3L, rows.Sum(r => r.NewRegistrations));
    }

    [Fact]
    public async Task GetStatistics_WhenOfficerOfAnotherCity_ReturnsPermissionDenied()
    {
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => StatisticsAsync(RegionLevel.County, Granularity.Day, Programme.Organ,
            token: _scenario.NingboOfficerToken, regionCode: "330100"));
    }

    [Fact]
    public async Task GetStatistics_WhenFromAfterTo_ReturnsInvalidArgument()
    {
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => StatisticsAsync(RegionLevel.City, Granularity.Day, Programme.Organ,
            from: "2026-01-02", to: "2026-01-01"));
    }

    private static (string, string, string, long, long, long, long) Row(StatisticsRow r) =>
        (r.Programme, r.Group, r.Period, r.NewRegistrations, r.Cumulative, r.Revoked, r.Objections);

    private async Task<IReadOnlyList<StatisticsRow>> StatisticsAsync(RegionLevel level, Granularity granularity, Programme programme,
        string? token = null, string from = "2025-12-31", string to = "2026-01-01", string regionCode = "330000")
    {
        var client = new RegistrationStatistics.RegistrationStatisticsClient(_host.Channel(token ?? await fixture.ProvincialOfficerTokenAsync()));
        var response = await client.GetStatisticsAsync(new GetStatisticsRequest
        {
            Level = level, Granularity = granularity, Programme = programme, From = from, To = to, RegionCode = regionCode,
        });
        return response.Rows;
    }

    private sealed record Scenario(string Xihu, string Yuhang, string Haishu, string XihuClerkToken, string NingboOfficerToken);

    /// <summary>
    /// Day 1: 西湖 3 organ + 1 body registered, 1 organ revoked; 海曙 2 organ registered. Day 2: 余杭 2 organ registered; 海曙 1 organ
    /// registered and an objection to a day-1 registration; 西湖 another day-1 organ revoked; a draft that is never confirmed.
    /// </summary>
    private async Task<Scenario> PlayScenarioAsync()
    {
        var officer = await fixture.ProvincialOfficerTokenAsync();
        var points = new RegistrationPoints.RegistrationPointsClient(_host.Channel(officer));
        var registrations = new Registrations.RegistrationsClient(_host.Channel(officer));
        var clerk = await fixture.Identity.CreateUserAsync(Roles.RegistrationClerk, "staff-only", "330106", "registration_point");
        var xihu = await ActivePointAsync(points, "330106", clerk.Id.ToString());
        var yuhang = await ActivePointAsync(points, "330110", null);
        var haishu = await ActivePointAsync(points, "330203", null);

        _clock.Set(Day1);
        var xihuOrgan = new List<V1.Registration>();
        for (var i = 0; i < 3; i++)
        {
            xihuOrgan.Add(await RegisteredAsync(registrations, TestPeople.NewOrganRegistration(xihu.Name)));
        }
        await RegisteredAsync(registrations, TestPeople.NewBodyRegistration(xihu.Name));
        var haishuOrgan = new List<V1.Registration>();
        for (var i = 0; i < 2; i++)
        {
            haishuOrgan.Add(await RegisteredAsync(registrations, TestPeople.NewOrganRegistration(haishu.Name)));
        }
        await registrations.RevokeRegistrationAsync(new RevokeRegistrationRequest { Name = xihuOrgan[0].Name, Etag = xihuOrgan[0].Etag, Reason = "本人撤销" });

        _clock.Set(Day2);
        for (var i = 0; i < 2; i++)
        {
            await RegisteredAsync(registrations, TestPeople.NewOrganRegistration(yuhang.Name));
        }
        await RegisteredAsync(registrations, TestPeople.NewOrganRegistration(haishu.Name));
        await registrations.RecordObjectionAsync(new RecordObjectionRequest { Name = haishuOrgan[0].Name, Etag = haishuOrgan[0].Etag, DocumentReference = "OBJ-2026-1" });
        await registrations.RevokeRegistrationAsync(new RevokeRegistrationRequest { Name = xihuOrgan[1].Name, Etag = xihuOrgan[1].Etag, Reason = "本人撤销" });
        await registrations.CreateRegistrationAsync(TestPeople.NewOrganRegistration(xihu.Name));

        var clerkToken = await fixture.Identity.TokenAsync(clerk.UserName, clerk.Password, Scopes.Registration);
        return new Scenario(xihu.Code, yuhang.Code, haishu.Code, clerkToken, await fixture.OfficerTokenAsync("330200"));
    }

    private static async Task<RegistrationPoint> ActivePointAsync(RegistrationPoints.RegistrationPointsClient points, string region, string? clerkId)
    {
        var point = await points.CreateRegistrationPointAsync(new CreateRegistrationPointRequest
        {
            RequestId = Guid.NewGuid().ToString(), Point = RegistrationFixture.NewPoint(region),
        });
        point = await points.TransitionRegistrationPointAsync(new TransitionRegistrationPointRequest { Name = point.Name, Trigger = PointTrigger.Authorise, Etag = point.Etag, Reason = "test" });
        point = await points.TransitionRegistrationPointAsync(new TransitionRegistrationPointRequest { Name = point.Name, Trigger = PointTrigger.Activate, Etag = point.Etag });
        if (clerkId is not null)
        {
            point = await points.AssignStaffAsync(new AssignStaffRequest { Name = point.Name, UserId = clerkId });
        }
        return point;
    }

    private static async Task<V1.Registration> RegisteredAsync(Registrations.RegistrationsClient registrations, CreateRegistrationRequest request)
    {
        var r = await registrations.CreateRegistrationAsync(request);
        r = await registrations.RecordWitnessingAsync(new RecordWitnessingRequest { Name = r.Name, Etag = r.Etag, Witnessing = new Witnessing { FamilyInformed = true, LetterSha256 = new string('b', 64) } });
        r = await registrations.ForwardRegistrationAsync(new ForwardRegistrationRequest { Name = r.Name, Etag = r.Etag });
        return await registrations.ConfirmRegistrationAsync(new ConfirmRegistrationRequest { Name = r.Name, Etag = r.Etag });
    }
}
