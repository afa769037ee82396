using DonationRegistry.Common.Errors;

namespace DonationRegistry.Registration.Domain.Points;

/// <summary>
/// A registration point (登记点): an authorised unit where people learn about donation and register. Only an Active point may enrol
/// anyone; a suspended or closed point keeps its history readable.
/// </summary>
public sealed class RegistrationPoint
{
    private readonly List<PointTransition> _history = [];
    private readonly List<PointStaffMember> _staff = [];

    private RegistrationPoint()
    {
    }

    public RegistrationPoint(Guid id, string code, PointDetails details, Actor proposedBy, DateTimeOffset at)
    {
        Id = id;
        Code = code;
        Apply(details);
        Status = PointStatus.Proposed;
        CreatedAt = at;
        CreatedBy = proposedBy.UserId;
    }

    public Guid Id { get; private set; }
    /// <summary>Human-readable code, e.g. RP-330100-0001.</summary>
    public string Code { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string HostOrganisation { get; private set; } = "";
    public PointKind Kind { get; private set; }
    /// <summary>Six-digit GB/T 2260 region code.</summary>
    public string RegionCode { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string ContactPhone { get; private set; } = "";
    public List<PointService> Services { get; private set; } = [];
    public PointStatus Status { get; private set; }
    public string? AuthorisedBy { get; private set; }
    public DateTimeOffset? AuthorisedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    /// <summary>Idempotency key of the create request.</summary>
    public Guid? RequestId { get; set; }
    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; private set; }
    public IReadOnlyList<PointTransition> History => _history;
    public IReadOnlyList<PointStaffMember> Staff => _staff;

    public bool MayEnrol => Status == PointStatus.Active;

    /// <summary>The point as far as enrolling someone there needs it (identity, region, status, services, and
    /// <paramref name="staffUserId"/> when that user is on its staff), read as one row without its history and the rest of the
    /// staff list: every registration reads its point, and the full aggregate grows with both. For checks only, never saved.</summary>
    internal static RegistrationPoint ForEnrolment(Guid id, string code, string regionCode, PointStatus status, List<PointService> services,
        string? staffUserId)
    {
        var point = new RegistrationPoint { Id = id, Code = code, RegionCode = regionCode, Status = status, Services = services };
        if (staffUserId is not null)
        {
            point._staff.Add(new PointStaffMember(staffUserId));
        }
        return point;
    }

    public void Update(PointDetails details) => Apply(details);

    public void Transition(PointTrigger trigger, Actor actor, string? reason, DateTimeOffset at)
    {
        if (trigger is PointTrigger.Suspend or PointTrigger.Close && string.IsNullOrWhiteSpace(reason))
        {
            throw new ValidationFailedException("reason", "A reason is required to suspend or close a point.", "暂停或关闭登记点须填写原因。");
        }
        var next = PointLifecycle.Next(Status, trigger);
        _history.Add(new PointTransition(Status, next, trigger, actor, reason?.Trim(), at));
        if (trigger == PointTrigger.Authorise)
        {
            AuthorisedBy = actor.OrgId;
            AuthorisedAt = at;
        }
        Status = next;
    }

    public void AssignStaff(string userId)
    {
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > 64)
        {
            throw new ValidationFailedException("user_id", "A user id of 1–64 characters is required.");
        }
        if (Status == PointStatus.Closed)
        {
            throw new IllegalTransitionException(Status.ToString(), "AssignStaff", [], "已关闭的登记点不能分配工作人员。");
        }
        if (_staff.All(s => s.UserId != userId))
        {
            _staff.Add(new PointStaffMember(userId));
        }
    }

    public void RemoveStaff(string userId)
    {
        var member = _staff.FirstOrDefault(s => s.UserId == userId)
            ?? throw new NotFoundException("Staff member", userId, "该工作人员不属于此登记点。");
        _staff.Remove(member);
    }

    public bool HasStaff(string userId) => _staff.Any(s => s.UserId == userId);

    private void Apply(PointDetails details)
    {
        details.Validate();
        DisplayName = details.DisplayName.Trim();
        HostOrganisation = details.HostOrganisation.Trim();
        Kind = details.Kind;
        RegionCode = details.RegionCode;
        Address = details.Address.Trim();
        ContactPhone = details.ContactPhone.Trim();
        Services = [.. details.Services.Distinct().Order()];
    }
}
