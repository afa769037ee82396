using DonationRegistry.ServiceDefaults;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>The operation a caller performs when taking a step of a body or tissue case.</summary>
public static class CaseActors
{
    public static Operation OperationFor(Caller caller, CaseActor who) => who switch
    {
        CaseActor.Coordinator => Operation.RunCases,
        CaseActor.Unit => Operation.RunUnitSteps,
        _ => caller.Role == Roles.ReceivingUnitStaff ? Operation.RunUnitSteps : Operation.RunCases,
    };
}
