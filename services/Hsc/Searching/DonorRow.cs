using DonationRegistry.Common.PersonalData;
using DonationRegistry.Hsc.Domain.Donors;

namespace DonationRegistry.Hsc.Searching;

/// <summary>What the search index needs of one donor: the profile and the current typing's GL String (null when untyped).</summary>
public sealed record DonorRow(Guid DonorId, string RegionCode, int BirthYear, Sex Sex, AboGroup Abo, CmvStatus Cmv, DonorStatus Status,
    string? GlString, DateTimeOffset UpdatedAt)
{
    /// <summary>Only Available donors are returned by searches (DOMAIN.md section 3).</summary>
    public bool Searchable => Status == DonorStatus.Available && GlString is not null;
}
