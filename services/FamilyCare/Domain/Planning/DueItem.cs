namespace DonationRegistry.FamilyCare.Domain.Planning;

/// <summary>
/// One overdue care item of a family: <see cref="SubjectId"/> is the missed or followed-up visit, or the aid case, when there is one.
/// <see cref="Region"/> is the family's county/district.
/// </summary>
public sealed record DueItem(Guid FamilyId, string Region, DueKind Kind, DateOnly DueSince, Guid? SubjectId);
