using System.Text.RegularExpressions;
using DonationRegistry.Common.Errors;

namespace DonationRegistry.OrganCoordination.Domain.ReceivingUnits;

/// <summary>
/// Reference data: a body-receiving unit (遗体接收单位), an eye bank (眼库) or a brain bank (脑库), with the donations it accepts and
/// whether it takes cases now. Its id is also the <c>org_id</c> of its staff's accounts, so staff act on their own unit's cases only.
/// </summary>
public sealed partial class ReceivingUnit
{
    private ReceivingUnit()
    {
    }

    /// <summary>The unit's id, e.g. "BRU-330100-ZJU" (also its staff's org_id).</summary>
    public string Id { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public ReceivingUnitKind Kind { get; private set; }
    public string RegionCode { get; private set; } = "";
    public List<DonationKind> AcceptedDonations { get; private set; } = [];
    public bool Active { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint RowVersion { get; private set; }

    public static ReceivingUnit Create(string id, string displayName, ReceivingUnitKind kind, string regionCode,
        IReadOnlyCollection<DonationKind> accepted, bool active, Actor actor, DateTimeOffset at)
    {
        Require.That(id is not null && IdPattern().IsMatch(id), "receiving_unit_id",
            "An id of 3–40 letters, digits or '-' (e.g. BRU-330100-ZJU) is required.", "单位编号应为 3–40 位字母、数字或“-”。");
        var unit = new ReceivingUnit { Id = id!, CreatedAt = at };
        unit.Update(displayName, kind, regionCode, accepted, active, actor, at);
        return unit;
    }

    /// <summary>Replaces the unit's data (every field is required; AIP-134 update of the whole resource).</summary>
    public void Update(string displayName, ReceivingUnitKind kind, string regionCode, IReadOnlyCollection<DonationKind> accepted, bool active,
        Actor actor, DateTimeOffset at)
    {
        var name = Require.Text("receiving_unit.display_name", displayName, 100, "请填写单位名称。");
        Require.Defined("receiving_unit.kind", kind, "请选择单位类型。");
        Require.That(RegionCodes.IsZhejiang(regionCode), "receiving_unit.region_code",
            "A six-digit GB/T 2260 region code of Zhejiang is required.", "请填写六位行政区划代码。");
        Require.That(accepted.Count > 0 && accepted.All(a => Enum.IsDefined(a)), "receiving_unit.accepted_donations",
            "Name at least one accepted donation kind.", "请选择至少一种接收的捐献类型。");
        Require.That(accepted.All(a => Fits(kind, a)), "receiving_unit.accepted_donations",
            $"A {kind} accepts {string.Join(" or ", Enum.GetValues<DonationKind>().Where(a => Fits(kind, a)))} only.", "接收的捐献类型与单位类型不符。");
        DisplayName = name;
        Kind = kind;
        RegionCode = regionCode;
        AcceptedDonations = [.. accepted.Distinct().Order()];
        Active = active;
        UpdatedAt = at;
        UpdatedBy = actor.UserId;
    }

    /// <summary>
    /// Refuses (INVALID_ARGUMENT naming <paramref name="field"/>) a unit that does not take cases now or does not accept
    /// <paramref name="donation"/>.
    /// </summary>
    public void RequireAccepts(DonationKind donation, string field)
    {
        if (!Active)
        {
            throw new ValidationFailedException(field, $"Receiving unit '{Id}' is inactive and takes no cases.", "该接收单位已停用，不能接收捐献。");
        }
        if (!AcceptedDonations.Contains(donation))
        {
            throw new ValidationFailedException(field, $"Receiving unit '{Id}' ({Kind}) does not accept {donation} donations.",
                "该接收单位不接收此类捐献。");
        }
    }

    /// <summary>Which donations a kind of unit can accept: bodies at a body-receiving unit, corneas at an eye bank, brains at a brain bank.</summary>
    public static bool Fits(ReceivingUnitKind kind, DonationKind donation) => (kind, donation) switch
    {
        (ReceivingUnitKind.BodyReceivingUnit, DonationKind.Body) => true,
        // Medical schools often run the eye bank or brain bank as well.
        (ReceivingUnitKind.BodyReceivingUnit, DonationKind.Cornea or DonationKind.Brain) => true,
        (ReceivingUnitKind.EyeBank, DonationKind.Cornea) => true,
        (ReceivingUnitKind.BrainBank, DonationKind.Brain) => true,
        _ => false,
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{2,39}$")]
    private static partial Regex IdPattern();
}
