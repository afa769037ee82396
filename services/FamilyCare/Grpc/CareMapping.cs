using System.Globalization;
using DonationRegistry.FamilyCare.Application;
using DonationRegistry.FamilyCare.V1;
using Google.Protobuf.WellKnownTypes;
using Model = DonationRegistry.FamilyCare.Domain;

namespace DonationRegistry.FamilyCare.Grpc;

/// <summary>Domain → API messages (enum values share their numbers).</summary>
internal static class CareMapping
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static long Fen(decimal yuan) => (long)Math.Round(yuan * 100m, MidpointRounding.AwayFromZero);

    public static Family ToMessage(Model.Families.Family f)
    {
        var message = new Family
        {
            Name = Names.Of(Names.Families, f.Id),
            Source = (ReferralSource)f.Source,
            Reference = f.Reference.ToString("D"),
            RegionCode = f.Region,
            Status = (FamilyStatus)f.Status,
            ReferredTime = Timestamp.FromDateTimeOffset(f.ReferredAt),
            ConsentTime = f.ConsentRecordedAt is { } consent ? Timestamp.FromDateTimeOffset(consent) : null,
            CivilAffairsAssistance = f.CivilAffairsAssistance,
            Contact = f.Contact is { } c ? new ContactPerson { DisplayName = c.Name, Phone = c.Phone, Relationship = c.Relationship } : null,
        };
        message.Children.AddRange(f.Children.Select(c => new Child
        {
            ChildId = c.Id.ToString("D"), DisplayName = c.Name, BirthDate = Day(c.BirthDate), GuardianConsent = c.GuardianConsentAt is not null,
            GuardianName = c.GuardianName ?? "", School = c.School ?? "", Stage = (SchoolStage)(int)(c.Stage ?? 0),
        }));
        message.Elders.AddRange(f.Elders.Select(e => new Elder
        {
            ElderId = e.Id.ToString("D"), DisplayName = e.Name, Age = e.Age, Health = e.Health, LivingSituation = (LivingSituation)e.LivingSituation,
        }));
        return message;
    }

    public static AidFund ToMessage(Model.Aid.AidFund fund, IEnumerable<Model.Aid.FundBudget> budgets)
    {
        var message = new AidFund
        {
            Name = Names.Of(Names.AidFunds, fund.Id), DisplayName = fund.Name, Tier = (AidTier)fund.Tier, RegionCode = fund.Region,
        };
        message.Budgets.AddRange(budgets.Select(b => new FundBudget
        {
            Year = b.Year, AmountFen = Fen(b.Amount), CommittedFen = Fen(b.Committed), RemainingFen = Fen(b.Remaining),
        }));
        return message;
    }

    public static AidCase ToMessage(Model.Aid.StudentAid aid)
    {
        var message = new AidCase
        {
            Name = Names.Of(Names.AidCases, aid.Id),
            Family = Names.Of(Names.Families, aid.FamilyId),
            ChildId = aid.ChildId.ToString("D"),
            Status = (AidStatus)aid.Status,
            Stage = (SchoolStage)aid.Stage,
            Fund = aid.FundId is { } fund ? Names.Of(Names.AidFunds, fund) : "",
            Tier = (AidTier)(int)(aid.Tier ?? 0),
            AidYear = aid.AidYear ?? 0,
            AnnualAmountFen = Fen(aid.AnnualAmount),
            ExitReason = (ExitReason)(int)(aid.ExitReason ?? 0),
        };
        message.Disbursements.AddRange(aid.Disbursements.Select(d => new AidDisbursement
        {
            Term = d.Term.ToString(), AmountFen = Fen(d.Amount), PaymentReference = d.PaymentReference, Time = Timestamp.FromDateTimeOffset(d.At),
        }));
        message.Timeline.AddRange(aid.Timeline.Select(t => new AidTimelineEntry
        {
            From = (AidStatus)t.From, To = (AidStatus)t.To, Trigger = t.Trigger.ToString(), Time = Timestamp.FromDateTimeOffset(t.At), Note = t.Note ?? "",
        }));
        message.AllowedActions.AddRange(Model.Aid.AidLifecycle.AllowedIn(aid.Status).Select(t => t.ToString()));
        return message;
    }

    public static Visit ToMessage(Model.Visits.Visit v)
    {
        var message = new Visit
        {
            Name = Names.Of(Names.Visits, v.Id),
            Family = Names.Of(Names.Families, v.FamilyId),
            Campaign = v.CampaignId is { } c ? Names.Of(Names.Campaigns, c) : "",
            Kind = (CampaignKind)v.Kind,
            RegionCode = v.Region,
            CivilAffairsCovered = v.CivilAffairsCovered,
            Status = (VisitStatus)v.Status,
            Date = v.ScheduledDate is { } d ? Day(d) : "",
            Slot = (TimeSlot)(int)(v.ScheduledSlot ?? 0),
            MissedReason = v.MissedReason ?? "",
            Outcome = v.Outcome is { } o
                ? new VisitOutcome
                {
                    CashFen = Fen(o.Cash), Goods = o.Goods ?? "", NeedsFound = o.NeedsFound ?? "",
                    FollowUpDate = o.FollowUpOn is { } f ? Day(f) : "", PhotoConsent = o.PhotoConsent,
                }
                : null,
        };
        message.StaffMembers.AddRange(v.StaffIds.Select(Names.Staff));
        return message;
    }

    public static Campaign ToMessage(Model.Visits.Campaign c, int planned) => new()
    {
        Name = Names.Of(Names.Campaigns, c.Id), Kind = (CampaignKind)c.Kind, DisplayName = c.Name, RegionCode = c.Region,
        StartDate = Day(c.StartsOn), EndDate = Day(c.EndsOn), PlannedVisits = planned,
    };

    public static DueItem ToMessage(Model.Planning.DueItem item) => new()
    {
        Family = Names.Of(Names.Families, item.FamilyId),
        RegionCode = item.Region,
        Kind = (DueKind)item.Kind,
        DueSince = Day(item.DueSince),
        Subject = item.SubjectId is not { } subject ? ""
            : item.Kind == Model.Planning.DueKind.ChildNotReviewedThisTerm ? Names.Of(Names.AidCases, subject) : Names.Of(Names.Visits, subject),
    };

    public static StaffMember ToMessage(Model.Visits.StaffMember s) =>
        new() { Name = Names.Staff(s.Id), DisplayName = s.Name, RegionCode = s.Region };

    public static FamilyCareStatistics ToMessage(StatisticsSummary summary, string region, int year)
    {
        int Families(Model.Families.FamilyStatus status) => summary.FamiliesByStatus.GetValueOrDefault(status);
        var message = new FamilyCareStatistics
        {
            RegionCode = region, Year = year, FamiliesReferred = Families(Model.Families.FamilyStatus.Referred),
            FamiliesEnrolled = Families(Model.Families.FamilyStatus.Enrolled), FamiliesWithdrawn = Families(Model.Families.FamilyStatus.Withdrawn),
        };
        message.FamiliesInCareByRegion.AddRange(summary.InCareByRegion.Select(r => new RegionCount { RegionCode = r.Region, Count = r.Count }));
        message.ChildrenAidedByStage.AddRange(summary.AidedByStage.Select(s => new StageCount { Stage = (SchoolStage)s.Stage, Children = s.Children }));
        message.Disbursed.AddRange(summary.Disbursed.Select(d => new DisbursedAmount
        {
            Fund = Names.Of(Names.AidFunds, d.Fund.Id), FundDisplayName = d.Fund.Name, Tier = (AidTier)d.Fund.Tier, Year = d.Year,
            AmountFen = Fen(d.Amount), Payments = d.Payments,
        }));
        message.VisitsDone.AddRange(summary.Visits.Select(v => new VisitsDone
        {
            Campaign = v.Campaign is { } c ? Names.Of(Names.Campaigns, c.Id) : "", CampaignDisplayName = v.Campaign?.Name ?? "",
            Kind = (CampaignKind)v.Kind, RegionCode = v.Region, Visited = v.Visited, Missed = v.Missed,
        }));
        return message;
    }
}
