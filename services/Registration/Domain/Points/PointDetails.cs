using DonationRegistry.Common.Errors;

namespace DonationRegistry.Registration.Domain.Points;

/// <summary>The editable description of a point, validated as a whole so a clerk sees every bad field at once.</summary>
public sealed record PointDetails(
    string DisplayName, string HostOrganisation, PointKind Kind, string RegionCode, string Address, string ContactPhone,
    IReadOnlyList<PointService> Services)
{
    public void Validate()
    {
        var v = new List<FieldViolation>();
        Text.Required(v, "point.display_name", DisplayName, 100);
        Text.Required(v, "point.host_organisation", HostOrganisation, 100);
        if (!Enum.IsDefined(Kind))
        {
            v.Add(new("point.kind", "Kind is required."));
        }
        if (!RegionCodes.IsZhejiang(RegionCode))
        {
            v.Add(new("point.region_code", "A six-digit GB/T 2260 code in Zhejiang (33xxxx) is required."));
        }
        Text.Required(v, "point.address", Address, 200);
        if (!Text.IsPhone(ContactPhone))
        {
            v.Add(new("point.contact_phone", "A mobile (1xxxxxxxxxx) or landline (0xxx-xxxxxxx) number is required."));
        }
        if (Services.Count == 0 || Services.Any(s => !Enum.IsDefined(s)))
        {
            v.Add(new("point.services", "At least one known service is required."));
        }
        if (v.Count > 0)
        {
            throw new ValidationFailedException(v, "登记点信息有误，请检查标注的字段。");
        }
    }
}
