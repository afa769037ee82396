using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DonationRegistry.FamilyCare.Application;
using DonationRegistry.FamilyCare.Domain.Aid;
using DonationRegistry.FamilyCare.Domain.Families;
using DonationRegistry.FamilyCare.Domain.Visits;
using DonationRegistry.FamilyCare.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonationRegistry.FamilyCare.Seeding;

/// <summary>
/// Demo data for development: in every city <see cref="FamiliesPerCity"/> families (Hangzhou twice as many) referred by organ, body,
/// tissue and HSC donations, most enrolled with a contact person, children (guardian consent, school) and elderly parents; and for
/// Hangzhou — the region of the Identity demo user <c>care.hz</c> — three staff members (city, 西湖, 余杭), a provincial and a city aid
/// fund with this year's budget, one approved and paid aid case, the next Spring Festival campaign and a missed visit to re-plan, so
/// the due list, the auto-plan and the lists have something to show.
/// </summary>
/// <remarks>
/// Everything goes through the domain (consent gates, aid lifecycle, budgets, scheduling rules) with the actor
/// <c>system:demo-seed</c>, one transaction per city, audited; no events are published. Ids are derived from fixed names, and a city
/// whose first family exists is skipped, so seeding twice adds nothing.
/// </remarks>
public sealed class DemoCareData(TimeProvider time, AidAmountTable amounts)
{
    public const int FamiliesPerCity = 4;
    public const string HangzhouCity = "330100";

    /// <summary>The demo staff of Hangzhou: (id, name, region).</summary>
    public static IReadOnlyList<StaffMember> HangzhouStaff { get; } =
    [
        new("demo-care-hz", "孙丽（杭州市小桔灯关爱）", "330100"),
        new("demo-care-xh", "钱晓燕（西湖区关爱志愿者）", "330106"),
        new("demo-care-yh", "何建国（余杭区关爱志愿者）", "330110"),
    ];

    private static readonly Actor Seeder = new("system:demo-seed", Roles.RegistryOfficer, "RC-330000", RegionCodes.Province);
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"];
    private static readonly string[] Given = ["建华", "秀英", "志强", "丽娟", "国平", "桂芳", "海燕", "卫东", "小红", "明", "婷", "磊"];

    /// <summary>Seeds every city not yet seeded; returns how many families were added.</summary>
    public async Task<int> SeedAsync(FamilyCareDbContext db, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var city in RegionCodes.Cities.Keys.Order(StringComparer.Ordinal))
        {
            var marker = DemoId("family", city, 0);
            if (await db.Families.AsNoTracking().AnyAsync(f => f.Id == marker, cancellationToken))
            {
                continue;
            }
            added += await new UnitOfWork(db).RunAsync(ct => SeedCityAsync(db, city, ct), cancellationToken);
        }
        return added;
    }

    private async Task<int> SeedCityAsync(FamilyCareDbContext db, string city, CancellationToken cancellationToken)
    {
        var audit = new AuditLog(db, time);
        var now = time.GetUtcNow();
        var today = new CareClock(time).Today;
        var counties = DemoCounties.OfCity[city];
        var count = city == HangzhouCity ? 2 * FamiliesPerCity : FamiliesPerCity;
        var random = new Random(int.Parse(city, CultureInfo.InvariantCulture));
        var families = new List<Family>();
        for (var n = 0; n < count; n++)
        {
            var source = (ReferralSource)((n % 4) + 1);
            var referredAt = now.AddDays(-40 - (17 * n));
            var family = Family.Refer(DemoId("family", city, n), source, DemoId("reference", city, n),
                source == ReferralSource.HscDonation ? null : DemoId("case", city, n), counties[n % 2], true, referredAt);
            db.Families.Add(family);
            families.Add(family);
            audit.Changed("SeedDemoData", AuditSubjects.Family, family.Id, Seeder, source.ToString());
            if (n % 4 == 3)
            {
                continue; // Referred only: the family has not been reached yet.
            }
            family.RecordConsent(referredAt.AddDays(5));
            family.SetContact(new ContactPerson(Name(random), "138" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
                random.Next(2) == 0 ? "配偶" : "子女"));
            family.SetCivilAffairsAssistance(n % 4 == 2);
            if (n % 4 == 0)
            {
                var child = family.AddChild(DemoId("child", city, n), Name(random), today.AddYears(-10).AddDays(-random.Next(0, 300)));
                family.RecordGuardianConsent(child.Id, Name(random), referredAt.AddDays(6));
                family.RecordSchooling(child.Id, "实验小学", SchoolStage.Primary, today);
            }
            else
            {
                family.AddElder(DemoId("elder", city, n), Name(random), 68 + random.Next(0, 20), random.Next(2) == 0 ? "高血压，行动尚可" : "身体健康",
                    (LivingSituation)random.Next(1, 5));
            }
        }
        if (city == HangzhouCity)
        {
            SeedHangzhouCare(db, audit, families, today, now);
        }
        await Task.CompletedTask;
        return families.Count;
    }

    /// <summary>Staff, funds, one aided child, a campaign and a missed visit in Hangzhou, for the demo user care.hz.</summary>
    private void SeedHangzhouCare(FamilyCareDbContext db, AuditLog audit, List<Family> families, DateOnly today, DateTimeOffset now)
    {
        foreach (var member in HangzhouStaff)
        {
            db.Staff.Add(member);
            audit.Changed("SeedDemoData", AuditSubjects.StaffMember, Guid.Empty, Seeder, member.Id);
        }
        var province = AidFund.Create(DemoId("fund", RegionCodes.Province, 0), "浙江省小桔灯助学基金", AidTier.Province, RegionCodes.Province);
        var cityFund = AidFund.Create(DemoId("fund", HangzhouCity, 0), "杭州市小桔灯助学金", AidTier.City, HangzhouCity);
        var provinceBudget = FundBudget.Create(province.Id, today.Year, 300_000m);
        var cityBudget = FundBudget.Create(cityFund.Id, today.Year, 100_000m);
        db.Funds.AddRange(province, cityFund);
        db.Budgets.AddRange(provinceBudget, cityBudget);
        audit.Changed("SeedDemoData", AuditSubjects.AidFund, province.Id, Seeder);
        audit.Changed("SeedDemoData", AuditSubjects.AidFund, cityFund.Id, Seeder);

        // The first family's child: approved from the city fund and paid this term (so the budget shows what is committed).
        var family = families[0];
        var child = family.Children[0];
        var aid = StudentAid.Identify(DemoId("aid", HangzhouCity, 0), family, child, today);
        aid.Apply(child, "王芳", today, now.AddDays(-20));
        aid.Verify(true, true, now.AddDays(-15));
        aid.Approve(cityFund, cityBudget, amounts, today.Year, now.AddDays(-10));
        aid.Disburse(SchoolTerm.Containing(today), amounts.AnnualAmountFor(SchoolStage.Primary) / 2, "DEMO-PAY-0001", now.AddDays(-5));
        db.AidCases.Add(aid);
        audit.Changed("SeedDemoData", AuditSubjects.AidCase, aid.Id, Seeder);

        // Next Spring Festival's 博爱送万家 for every enrolled Hangzhou family.
        var year = today.Month >= 3 ? today.Year + 1 : today.Year;
        var campaign = Campaign.Create(DemoId("campaign", HangzhouCity, year), CampaignKind.SpringFestival, $"{year} 红十字博爱送万家", HangzhouCity,
            new DateOnly(year, 1, 15), new DateOnly(year, 2, 15));
        var visitNumber = 0;
        var planned = campaign.PlanVisits(families, new HashSet<Guid>(), () => DemoId("visit", HangzhouCity, ++visitNumber));
        db.Campaigns.Add(campaign);
        db.Visits.AddRange(planned);
        audit.Changed("SeedDemoData", AuditSubjects.Campaign, campaign.Id, Seeder, $"{planned.Count} visits");

        // A routine visit last week that did not happen: on the due list to re-plan.
        var missedFamily = families.First(f => f.Status == FamilyStatus.Enrolled && f.Elders.Count > 0);
        var missed = Visit.Plan(DemoId("visit", HangzhouCity, 0), missedFamily.Id, missedFamily.Region, missedFamily.CivilAffairsAssistance,
            CampaignKind.Routine, null);
        var lastWeek = new VisitSlot(today.AddDays(-7), TimeSlot.Afternoon);
        missed.Schedule(lastWeek, [HangzhouStaff[0]], [], now.AddDays(-10));
        missed.RecordMissed("家中无人，电话未接通", now.AddDays(-7));
        db.Visits.Add(missed);
        db.Bookings.Add(new StaffBooking(HangzhouStaff[0].Id, lastWeek.Date, lastWeek.Slot, missed.Id));
        audit.Changed("SeedDemoData", AuditSubjects.Visit, missed.Id, Seeder, "missed");
    }

    private static string Name(Random random) => Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];

    /// <summary>A stable id for the n-th demo thing of a kind in a region, so a second run finds what the first wrote.</summary>
    internal static Guid DemoId(string kind, string region, int n)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"familycare-demo:{kind}:{region}:{n}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
