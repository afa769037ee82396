namespace DonationRegistry.FamilyCare.Domain.Planning;

/// <summary>Plain inputs of <see cref="DueList.Compute"/>, read by the application from the database.</summary>
public sealed record DueListInput(
    IReadOnlyList<CareFamilySnapshot> Families,
    IReadOnlyList<AidedChildSnapshot> AidedChildren,
    IReadOnlyList<OpenVisitSnapshot> OpenVisits);
