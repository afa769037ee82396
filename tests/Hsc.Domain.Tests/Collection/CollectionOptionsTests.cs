using DonationRegistry.Hsc.Application.Collection;
using DonationRegistry.Hsc.Domain.Collection;
using Microsoft.Extensions.Configuration;
using Xunit;
using S = DonationRegistry.Hsc.Domain.Collection.CollectionCaseStatus;

namespace DonationRegistry.Hsc.Domain.Tests.Collection;

/// <summary>
/// The configuration as the service binds it (section "Collection"): the shipped appsettings.json, and a city's own follow-up days,
/// expected durations and fee standard per year over the defaults.
/// </summary>
public sealed class CollectionOptionsTests
{
    private static CollectionOptions Bind(Dictionary<string, string?>? overrides = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot(), "services", "Hsc", "appsettings.json"), optional: false)
            .AddInMemoryCollection(overrides ?? [])
            .Build();
        return configuration.GetSection(CollectionOptions.Section).Get<CollectionOptions>()
            ?? throw new InvalidOperationException("No Collection section.");
    }

    [Fact]
    public void PolicyFor_WithTheShippedSettings_IsTheDefaultScheduleAndDurations()
    {
        var options = Bind();

        var policy = options.PolicyFor("330200");

        Assert.Equal([7, 30, 90, 180, 365], policy.FollowUpDays);
        Assert.Equal(CollectionPolicy.Default.ExpectedDays.OrderBy(p => p.Key), policy.ExpectedDays.OrderBy(p => p.Key));
        Assert.Equal(TimeSpan.FromHours(1), options.ReminderInterval);
        Assert.Equal(7, options.ReminderLeadDays);
    }

    [Fact]
    public void PolicyFor_WhenACityHasItsOwnDaysAndDurations_UsesThemForThatCityOnly()
    {
        var options = Bind(new()
        {
            ["Collection:Cities:330300:FollowUpDays:0"] = "3",
            ["Collection:Cities:330300:FollowUpDays:1"] = "30",
            ["Collection:Cities:330300:FollowUpDays:2"] = "365",
            ["Collection:Cities:330300:ExpectedDays:MedicalExam"] = "5",
            ["Collection:ExpectedDays:Archiving"] = "60",
        });

        var wenzhou = options.PolicyFor("330300");
        var ningbo = options.PolicyFor("330200");

        Assert.Equal([3, 30, 365], wenzhou.FollowUpDays);
        Assert.Equal(5, wenzhou.ExpectedDays[S.MedicalExam]);
        Assert.Equal(60, wenzhou.ExpectedDays[S.Archiving]);
        Assert.Equal(7, wenzhou.ExpectedDays[S.Evaluation]);
        Assert.Equal([7, 30, 90, 180, 365], ningbo.FollowUpDays);
        Assert.Equal(14, ningbo.ExpectedDays[S.MedicalExam]);
        Assert.Equal(60, ningbo.ExpectedDays[S.Archiving]);
    }

    [Theory]
    [InlineData("330200", 2026, true)]
    [InlineData("330200", 2025, false)]
    [InlineData("330200", 2027, false)]
    [InlineData("330300", 2026, false)]
    public void FeeStandardFor_WithTheShippedSettings_HasNingbo2026Only(string city, int year, bool present)
    {
        var standard = Bind().FeeStandardFor(city, year);

        Assert.Equal(present, standard is not null);
        if (standard is not null)
        {
            Assert.Equal((city, year), (standard.CityRegion, standard.Year));
            Assert.Equal(300_000, standard.MaxUnitFen[FeeCategory.DonorSubsidy]);
            Assert.Equal(7, standard.MaxUnitFen.Count);
        }
    }

    [Fact]
    public void FeeStandardFor_WhenAnotherCityAndYearAreConfigured_IsThatCitysOwnForThatYear()
    {
        var options = Bind(new()
        {
            ["Collection:Cities:330300:FeeStandards:2027:Transport"] = "90000",
            ["Collection:Cities:330300:FeeStandards:2027:DonorSubsidy"] = "200000",
        });

        var standard = options.FeeStandardFor("330300", 2027);

        Assert.NotNull(standard);
        Assert.Equal(new Dictionary<FeeCategory, long> { [FeeCategory.Transport] = 90_000, [FeeCategory.DonorSubsidy] = 200_000 },
            standard.MaxUnitFen.OrderBy(p => p.Key).ToDictionary());
        Assert.Null(options.FeeStandardFor("330300", 2026));
        Assert.NotNull(options.FeeStandardFor("330200", 2026));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DonationRegistry.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("DonationRegistry.sln not found above the test folder.");
    }
}
