using DonationRegistry.FamilyCare.Application;
using DonationRegistry.FamilyCare.V1;
using Grpc.Core;
using Model = DonationRegistry.FamilyCare.Domain.Visits;
using Planning = DonationRegistry.FamilyCare.Domain.Planning;

namespace DonationRegistry.FamilyCare.Grpc;

/// <summary>The Visits API: validates every field first, then calls <see cref="VisitCommands"/>, <see cref="PlanningQueries"/> and
/// <see cref="CalendarExport"/>.</summary>
public sealed class VisitsGrpcService(VisitCommands visits, PlanningQueries planning, WeekPlanAcceptance acceptance, CareLists lists,
    CalendarExport calendar, CareClock clock)
    : Visits.VisitsBase
{
    public override async Task<ListVisitsResponse> ListVisits(ListVisitsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var region = fields.Region(string.IsNullOrEmpty(request.RegionCode) ? caller.Region : request.RegionCode, "region_code");
        string? staff = null;
        if (!string.IsNullOrEmpty(request.StaffMember) && (staff = Names.StaffId(request.StaffMember)) is null)
        {
            fields.Add("staff_member", "Must be \"staffMembers/{user_id}\".");
        }
        Guid? family = string.IsNullOrEmpty(request.Family) ? null : fields.Name(request.Family, Names.Families, "family");
        Guid? campaign = string.IsNullOrEmpty(request.Campaign) ? null : fields.Name(request.Campaign, Names.Campaigns, "campaign");
        var from = fields.OptionalDate(request.FromDate, "from_date");
        var to = fields.OptionalDate(request.ToDate, "to_date");
        if (from is { } f && to is { } t && t < f)
        {
            fields.Add("to_date", "Must not be before from_date.");
        }
        if (request.Status != VisitStatus.Unspecified && !Enum.IsDefined(request.Status))
        {
            fields.Add("status", "Unknown state.");
        }
        fields.Range(request.PageSize, 0, PageTokens.MaxSize, "page_size");
        fields.ThrowIfAny();
        var filter = new VisitFilter(staff, family, campaign, from, to,
            request.Status == VisitStatus.Unspecified ? null : (Model.VisitStatus)request.Status);
        var (page, next) = await lists.VisitsAsync(caller, region, filter, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListVisitsResponse { NextPageToken = next ?? "" };
        response.Visits.AddRange(page.Select(CareMapping.ToMessage));
        return response;
    }

    public override async Task<ListCampaignsResponse> ListCampaigns(ListCampaignsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var region = fields.Region(string.IsNullOrEmpty(request.RegionCode) ? caller.Region : request.RegionCode, "region_code");
        if (request.Kind != CampaignKind.Unspecified && !Enum.IsDefined(request.Kind))
        {
            fields.Add("kind", "Unknown campaign kind.");
        }
        fields.Range(request.PageSize, 0, PageTokens.MaxSize, "page_size");
        fields.ThrowIfAny();
        var (page, next) = await lists.CampaignsAsync(caller, region,
            request.Kind == CampaignKind.Unspecified ? null : (Model.CampaignKind)request.Kind, request.PageSize, request.PageToken,
            context.CancellationToken);
        var response = new ListCampaignsResponse { NextPageToken = next ?? "" };
        response.Campaigns.AddRange(page.Select(c =>
        {
            var p = c.Progress;
            var message = CareMapping.ToMessage(c.Campaign, p.Planned + p.Scheduled + p.Visited + p.Missed + p.Closed);
            message.Progress = new CampaignProgress
            {
                Planned = p.Planned, Scheduled = p.Scheduled, Visited = p.Visited, Missed = p.Missed, Closed = p.Closed,
            };
            return message;
        }));
        return response;
    }

    public override async Task<ListStaffMembersResponse> ListStaffMembers(ListStaffMembersRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var region = fields.Region(string.IsNullOrEmpty(request.RegionCode) ? caller.Region : request.RegionCode, "region_code");
        fields.Range(request.PageSize, 0, PageTokens.MaxSize, "page_size");
        fields.ThrowIfAny();
        var (page, next) = await lists.StaffAsync(caller, region, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListStaffMembersResponse { NextPageToken = next ?? "" };
        response.StaffMembers.AddRange(page.Select(CareMapping.ToMessage));
        return response;
    }

    public override async Task<StaffMember> RegisterStaffMember(RegisterStaffMemberRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var staffId = Names.StaffId(request.StaffMember?.Name);
        if (staffId is null)
        {
            fields.Add("staff_member.name", "Must be \"staffMembers/{user_id}\" (user id up to 64 characters).");
        }
        var name = fields.Text(request.StaffMember?.DisplayName, "staff_member.display_name", 50);
        var region = fields.Region(request.StaffMember?.RegionCode, "staff_member.region_code");
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await visits.RegisterStaffAsync(caller, new Model.StaffMember(staffId!, name, region),
            context.CancellationToken));
    }

    public override async Task<Campaign> CreateCampaign(CreateCampaignRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var requestId = fields.Uuid(request.RequestId, "request_id");
        if (request.Campaign is null)
        {
            fields.Add("campaign", "The campaign is required.");
        }
        var kind = fields.Enum(request.Campaign?.Kind ?? CampaignKind.Unspecified, "campaign.kind");
        var name = fields.Text(request.Campaign?.DisplayName, "campaign.display_name", 100);
        var region = fields.Region(request.Campaign?.RegionCode, "campaign.region_code");
        var start = fields.Date(request.Campaign?.StartDate, "campaign.start_date");
        var end = fields.Date(request.Campaign?.EndDate, "campaign.end_date");
        if (start != default && end != default && end < start)
        {
            fields.Add("campaign.end_date", "The campaign cannot end before it starts.");
        }
        fields.ThrowIfAny();
        var campaign = Model.Campaign.Create(requestId, (Model.CampaignKind)kind, name, region, start, end);
        var (created, planned) = await visits.CreateCampaignAsync(caller, campaign, context.CancellationToken);
        return CareMapping.ToMessage(created, planned);
    }

    public override async Task<Visit> CreateVisit(CreateVisitRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var requestId = fields.Uuid(request.RequestId, "request_id");
        var family = fields.Name(request.Family, Names.Families, "family");
        Guid? campaign = string.IsNullOrEmpty(request.Campaign) ? null : fields.Name(request.Campaign, Names.Campaigns, "campaign");
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await visits.CreateVisitAsync(caller, requestId, family, campaign, context.CancellationToken));
    }

    public override async Task<Visit> GetVisit(GetVisitRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.Visits, "name");
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await visits.GetAsync(caller, id, context.CancellationToken));
    }

    public override async Task<Visit> ScheduleVisit(ScheduleVisitRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.Visits, "name");
        var date = fields.Date(request.Date, "date");
        if (date != default && date < clock.Today)
        {
            fields.Add("date", "A visit cannot be scheduled in the past.");
        }
        var slot = fields.Enum(request.Slot, "slot");
        var staff = StaffIds(request.StaffMembers, "staff_members", fields);
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await visits.ScheduleAsync(caller, id, new Model.VisitSlot(date, (Model.TimeSlot)slot), staff,
            context.CancellationToken));
    }

    public override async Task<Visit> RecordVisitOutcome(RecordVisitOutcomeRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var id = fields.Name(request.Name, Names.Visits, "name");
        var missed = !string.IsNullOrWhiteSpace(request.MissedReason);
        if (missed == (request.Visited is not null))
        {
            fields.Add("visited", "Give exactly one of visited and missed_reason.");
        }
        if (missed)
        {
            var reason = fields.Text(request.MissedReason, "missed_reason", 200);
            fields.ThrowIfAny();
            return CareMapping.ToMessage(await visits.RecordMissedAsync(caller, id, reason, context.CancellationToken));
        }
        var outcome = request.Visited;
        var cash = fields.Yuan(outcome?.CashFen ?? 0, "visited.cash_fen", allowZero: true);
        var goods = fields.Text(outcome?.Goods, "visited.goods", 200, min: 0);
        var needs = fields.Text(outcome?.NeedsFound, "visited.needs_found", 500, min: 0);
        var followUp = fields.OptionalDate(outcome?.FollowUpDate, "visited.follow_up_date");
        fields.ThrowIfAny();
        return CareMapping.ToMessage(await visits.RecordVisitedAsync(caller, id,
            new Model.VisitOutcome(cash, goods.Length == 0 ? null : goods, needs.Length == 0 ? null : needs, followUp, outcome!.PhotoConsent),
            context.CancellationToken));
    }

    public override async Task<ListDueItemsResponse> ListDueItems(ListDueItemsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var region = fields.Region(string.IsNullOrEmpty(request.RegionCode) ? caller.Region : request.RegionCode, "region_code");
        var asOf = string.IsNullOrEmpty(request.AsOfDate) ? clock.Today : fields.Date(request.AsOfDate, "as_of_date");
        fields.ThrowIfAny();
        var response = new ListDueItemsResponse();
        response.Items.AddRange((await planning.DueAsync(caller, region, asOf, context.CancellationToken)).Select(CareMapping.ToMessage));
        return response;
    }

    public override async Task<WeekPlan> ProposeWeekPlan(ProposeWeekPlanRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var weekStart = fields.Date(request.WeekStartDate, "week_start_date");
        if (weekStart != default && weekStart.DayOfWeek != DayOfWeek.Monday)
        {
            fields.Add("week_start_date", "Must be a Monday.");
        }
        var staff = StaffIds(request.StaffMembers, "staff_members", fields);
        var unavailable = new List<(string, DateOnly, Model.TimeSlot?)>();
        for (var i = 0; i < request.Unavailable.Count; i++)
        {
            var u = request.Unavailable[i];
            var staffId = Names.StaffId(u.StaffMember);
            if (staffId is null || !staff.Contains(staffId))
            {
                fields.Add($"unavailable[{i}].staff_member", "Must name a member of staff_members.");
            }
            var date = fields.Date(u.Date, $"unavailable[{i}].date");
            if (u.Slot != TimeSlot.Unspecified && !Enum.IsDefined(u.Slot))
            {
                fields.Add($"unavailable[{i}].slot", "Unknown slot.");
            }
            unavailable.Add((staffId ?? "", date, u.Slot == TimeSlot.Unspecified ? null : (Model.TimeSlot)u.Slot));
        }
        fields.ThrowIfAny();
        var (plan, state) = await planning.ProposeAsync(caller, weekStart, staff, unavailable, context.CancellationToken);
        var response = new WeekPlan { Etag = state.Etag };
        response.Unplanned.AddRange(plan.Unplanned.Select(CareMapping.ToMessage));
        foreach (var visit in plan.Visits)
        {
            var proposed = new ProposedVisit
            {
                Family = Names.Of(Names.Families, visit.FamilyId), RegionCode = visit.District, Date = CareMapping.Day(visit.Slot.Date),
                Slot = (TimeSlot)visit.Slot.Slot,
            };
            proposed.StaffMembers.AddRange(visit.StaffIds.Select(Names.Staff));
            proposed.Covers.AddRange(visit.Covers.Select(CareMapping.ToMessage));
            // Re-plan the missed visit itself, or schedule the visit already planned for the family (e.g. by a campaign).
            var existing = visit.Covers.FirstOrDefault(c => c.Kind == Planning.DueKind.MissedVisitToReplan)?.SubjectId
                ?? (state.PlannedVisitOf.TryGetValue(visit.FamilyId, out var planned) ? planned : null);
            proposed.Visit = existing is { } id ? Names.Of(Names.Visits, id) : "";
            response.Visits.Add(proposed);
        }
        return response;
    }

    public override async Task<AcceptWeekPlanResponse> AcceptWeekPlan(AcceptWeekPlanRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var weekStart = fields.Date(request.WeekStartDate, "week_start_date");
        if (weekStart != default && weekStart.DayOfWeek != DayOfWeek.Monday)
        {
            fields.Add("week_start_date", "Must be a Monday.");
        }
        var team = StaffIds(request.StaffMembers, "staff_members", fields);
        fields.Text(request.Etag, "etag", 64);
        if (request.Visits.Count is 0 or > 500)
        {
            fields.Add("visits", "Give 1–500 visits.");
        }
        var entries = new List<PlanEntry>();
        for (var i = 0; i < request.Visits.Count; i++)
        {
            var v = request.Visits[i];
            var family = fields.Name(v.Family, Names.Families, $"visits[{i}].family");
            var date = fields.Date(v.Date, $"visits[{i}].date");
            if (date != default && weekStart != default && (date < weekStart || date >= weekStart.AddDays(7)))
            {
                fields.Add($"visits[{i}].date", "Must lie inside the plan's week.");
            }
            else if (date != default && date < clock.Today)
            {
                fields.Add($"visits[{i}].date", "A visit cannot be scheduled in the past.");
            }
            var slot = fields.Enum(v.Slot, $"visits[{i}].slot");
            var staff = StaffIds(v.StaffMembers, $"visits[{i}].staff_members", fields);
            Guid? visit = string.IsNullOrEmpty(v.Visit) ? null : fields.Name(v.Visit, Names.Visits, $"visits[{i}].visit");
            Guid? campaign = string.IsNullOrEmpty(v.Campaign) || visit is not null ? null : fields.Name(v.Campaign, Names.Campaigns, $"visits[{i}].campaign");
            entries.Add(new PlanEntry(i, family, new Model.VisitSlot(date, (Model.TimeSlot)slot), staff, visit, campaign));
        }
        var named = entries.Where(e => e.VisitId is not null).GroupBy(e => e.VisitId).FirstOrDefault(g => g.Count() > 1);
        if (named is not null)
        {
            fields.Add($"visits[{named.ElementAt(1).Index}].visit", $"The same visit is already in visits[{named.First().Index}].");
        }
        fields.ThrowIfAny();
        var scheduled = await acceptance.AcceptAsync(caller, weekStart, team, request.Etag, entries, context.CancellationToken);
        var response = new AcceptWeekPlanResponse();
        response.Visits.AddRange(scheduled.Select(CareMapping.ToMessage));
        return response;
    }

    public override async Task<CalendarDocument> ExportCalendar(ExportCalendarRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var fields = new Fields();
        var staffId = Names.StaffId(request.StaffMember);
        if (staffId is null)
        {
            fields.Add("staff_member", "Must be \"staffMembers/{user_id}\".");
        }
        var from = string.IsNullOrEmpty(request.FromDate) ? clock.Today : fields.Date(request.FromDate, "from_date");
        var days = request.Days == 0 ? 31 : fields.Range(request.Days, 1, 366, "days");
        fields.ThrowIfAny();
        var (content, events) = await calendar.ExportAsync(caller, staffId!, from, days, context.CancellationToken);
        return new CalendarDocument { ContentType = CalendarExport.ContentType, Content = content, EventCount = events };
    }

    private static List<string> StaffIds(Google.Protobuf.Collections.RepeatedField<string> names, string field, Fields fields)
    {
        if (names.Count == 0)
        {
            fields.Add(field, "At least one staff member is required.");
        }
        var ids = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            if (Names.StaffId(names[i]) is { } id)
            {
                ids.Add(id);
            }
            else
            {
                fields.Add($"{field}[{i}]", "Must be \"staffMembers/{user_id}\".");
            }
        }
        return ids;
    }
}
