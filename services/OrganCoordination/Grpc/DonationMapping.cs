using DonationRegistry.OrganCoordination.Application;
using DonationRegistry.OrganCoordination.V1;
using Google.Protobuf.WellKnownTypes;
using Bodies = DonationRegistry.OrganCoordination.Domain.BodyCases;
using Model = DonationRegistry.OrganCoordination.Domain;
using Overview = DonationRegistry.OrganCoordination.Domain.Overview;
using Tissues = DonationRegistry.OrganCoordination.Domain.TissueCases;
using Units = DonationRegistry.OrganCoordination.Domain.ReceivingUnits;

namespace DonationRegistry.OrganCoordination.Grpc;

/// <summary>Body, tissue, unit, memorial and overview messages ↔ domain. Enum values line up by number (0 = unspecified in proto).</summary>
internal static class DonationMapping
{
    public static BodyCase ToMessage(Bodies.BodyDonationCase c, bool withTimeline = true)
    {
        var m = new BodyCase
        {
            Name = ResourceNames.BodyCase(c.Id),
            RegionCode = c.RegionCode,
            OrgId = c.OrgId,
            CoordinatorId = c.CoordinatorId,
            State = (BodyCaseState)c.Status,
            Registration = c.RegistrationId is { } rid ? "registrations/" + rid : "",
            DeathTime = Timestamp.FromDateTimeOffset(c.DiedAt),
            NotifyTime = Timestamp.FromDateTimeOffset(c.NotifiedAt),
            ReceivingUnit = c.ReceivingUnit is { } unit ? ResourceNames.ReceivingUnit(unit) : "",
            ReceiveTime = c.ReceivedAt is { } received ? Timestamp.FromDateTimeOffset(received) : null,
            Use = c.Use is { } use ? (V1.BodyUse)use : V1.BodyUse.Unspecified,
            Disposal = c.Disposal is { } disposal ? (V1.BodyDisposal)disposal : V1.BodyDisposal.Unspecified,
            RejectionReason = c.RejectionReason is { } reason ? (V1.BodyRejectionReason)reason : V1.BodyRejectionReason.Unspecified,
            Memorial = c.Memorial is { } memorial ? ToMessage(memorial) : null,
            FamilyCareContactConsent = c.FamilyCareContactConsent,
            FamilyReference = c.FamilyReference.ToString(),
            Etag = ETags.Of(c.RowVersion),
        };
        m.AllowedActions.AddRange(c.AllowedTriggers.Select(t => t.ToString()));
        if (withTimeline)
        {
            m.Timeline.AddRange(c.Timeline.OrderBy(e => e.At).ThenBy(e => e.Id).Select(OrganMapping.ToMessage));
        }
        return m;
    }

    public static TissueCase ToMessage(Tissues.TissueDonationCase c, DateTimeOffset now, bool withTimeline = true)
    {
        var m = new TissueCase
        {
            Name = ResourceNames.TissueCase(c.Id),
            Kind = (V1.TissueKind)c.Kind,
            RegionCode = c.RegionCode,
            OrgId = c.OrgId,
            CoordinatorId = c.CoordinatorId,
            ReceivingUnit = ResourceNames.ReceivingUnit(c.Bank),
            State = (TissueCaseState)c.Status,
            Registration = c.RegistrationId is { } rid ? "registrations/" + rid : "",
            DeathTime = Timestamp.FromDateTimeOffset(c.DiedAt),
            NotifyTime = Timestamp.FromDateTimeOffset(c.NotifiedAt),
            Deadline = Timestamp.FromDateTimeOffset(c.Deadline),
            TargetTime = c.Target is { } target ? Timestamp.FromDateTimeOffset(target) : null,
            // Computed from the injected clock at the moment of the answer.
            TimeLeft = WholeSeconds(c.TimeLeft(now)),
            WindowBreached = c.IsBreached(now),
            PastTarget = c.Status != Tissues.TissueCaseStatus.Declined && c.Window.IsPastTarget(now, c.RecoveredAt),
            RecoverTime = c.RecoveredAt is { } recovered ? Timestamp.FromDateTimeOffset(recovered) : null,
            DeclineReason = c.DeclineReason is { } reason ? (V1.TissueDeclineReason)reason : V1.TissueDeclineReason.Unspecified,
            Use = c.Use is { } use ? (V1.TissueUse)use : V1.TissueUse.Unspecified,
            Memorial = c.Memorial is { } memorial ? ToMessage(memorial) : null,
            FamilyCareContactConsent = c.FamilyCareContactConsent,
            FamilyReference = c.FamilyReference.ToString(),
            Etag = ETags.Of(c.RowVersion),
        };
        m.AllowedActions.AddRange(c.AllowedTriggers.Select(t => t.ToString()));
        if (withTimeline)
        {
            m.Timeline.AddRange(c.Timeline.OrderBy(e => e.At).ThenBy(e => e.Id).Select(OrganMapping.ToMessage));
        }
        return m;
    }

    public static MemorialInfo ToMessage(Model.Memorial memorial) => new()
    {
        Site = memorial.Site,
        InscriptionConsented = memorial.InscriptionConsented,
        ConsentDocumentReference = memorial.ConsentDocumentReference ?? "",
        InscribedName = memorial.InscriptionConsented ? memorial.InscribedName ?? "" : "",
        RecordTime = Timestamp.FromDateTimeOffset(memorial.RecordedAt),
    };

    /// <summary>A memorial record; the public form leaves out the case, region and consent reference.</summary>
    public static V1.Memorial ToMessage(Model.Memorials.MemorialRecord r, bool forPublic) => new()
    {
        Name = ResourceNames.Memorial(r.Id),
        Case = forPublic ? "" : CaseName(r.Donation, r.CaseId),
        Donation = (DonationKind)r.Donation,
        RegionCode = forPublic ? "" : r.RegionCode,
        Memorial_ = new MemorialInfo
        {
            Site = r.Site,
            InscriptionConsented = r.InscriptionConsented,
            ConsentDocumentReference = forPublic ? "" : r.ConsentDocumentReference ?? "",
            InscribedName = r.InscriptionConsented ? r.InscribedName ?? "" : "",
            RecordTime = Timestamp.FromDateTimeOffset(r.RecordedAt),
        },
    };

    public static ReceivingUnit ToMessage(Units.ReceivingUnit u)
    {
        var m = new ReceivingUnit
        {
            Name = ResourceNames.ReceivingUnit(u.Id),
            DisplayName = u.DisplayName,
            Kind = (V1.ReceivingUnitKind)u.Kind,
            RegionCode = u.RegionCode,
            Active = u.Active,
            UpdateTime = Timestamp.FromDateTimeOffset(u.UpdatedAt),
            Etag = ETags.Of(u.RowVersion),
        };
        m.AcceptedDonations.AddRange(u.AcceptedDonations.Select(a => (DonationKind)a));
        return m;
    }

    public static ReceivingUnitInput ToInput(ReceivingUnit? u) => u is null
        ? new ReceivingUnitInput("", default, "", [], false)
        : new ReceivingUnitInput(u.DisplayName, (Units.ReceivingUnitKind)u.Kind, u.RegionCode,
            [.. u.AcceptedDonations.Select(a => (Model.DonationKind)a)], u.Active);

    public static V1.DueItem ToMessage(Overview.DueItem i)
    {
        var m = new V1.DueItem
        {
            Case = CaseName(i.Donation, i.CaseId),
            Donation = (DonationKind)i.Donation,
            State = i.State,
            WaitingFor = i.WaitingFor,
            StateTime = Timestamp.FromDateTimeOffset(i.StateSince),
            DueTime = i.DueAt is { } due ? Timestamp.FromDateTimeOffset(due) : null,
            Overdue = i.Overdue,
            TissueTimeLeft = i.TissueTimeLeft is { } left ? WholeSeconds(left) : null,
            TissueWindowClosing = i.TissueWindowClosing,
            TissueWindowBreached = i.TissueWindowBreached,
        };
        m.NextActions.AddRange(i.NextActions);
        return m;
    }

    public static DonationStatistics ToMessage(IReadOnlyList<Overview.StatisticsRow> rows)
    {
        var m = new DonationStatistics();
        foreach (var r in rows)
        {
            var row = new DonationStatisticsRow
            {
                Year = r.Year, RegionCode = r.RegionCode, Donation = (DonationKind)r.Donation, Cases = r.Cases, Donations = r.Donations,
                Open = r.Open, Closed = r.Closed, OrgansTransplanted = r.OrgansTransplanted, OrgansDiscarded = r.OrgansDiscarded,
                OrgansNotRecovered = r.OrgansNotRecovered,
            };
            foreach (var (reason, count) in r.ClosedByReason)
            {
                row.ClosedByReason.Add(reason, count);
            }
            m.Rows.Add(row);
        }
        m.Totals.AddRange(rows.GroupBy(r => r.Donation).OrderBy(g => g.Key).Select(g => new DonationTotal
        {
            Donation = (DonationKind)g.Key,
            Cases = g.Sum(r => r.Cases),
            Donations = g.Sum(r => r.Donations),
            OrgansTransplanted = g.Sum(r => r.OrgansTransplanted),
            OrgansDiscarded = g.Sum(r => r.OrgansDiscarded),
        }));
        return m;
    }

    private static string CaseName(Model.DonationKind donation, Guid id) => donation switch
    {
        Model.DonationKind.Organ => ResourceNames.OrganCase(id),
        Model.DonationKind.Body => ResourceNames.BodyCase(id),
        _ => ResourceNames.TissueCase(id),
    };

    // A countdown needs no fraction of a second, and JSON transcoding refused a negative duration with nanoseconds ("Non-normalized
    // duration value", HTTP 500 once a tissue window had passed).
    private static Duration WholeSeconds(TimeSpan span) => Duration.FromTimeSpan(TimeSpan.FromSeconds(Math.Truncate(span.TotalSeconds)));
}
