using DonationRegistry.Common.Errors;
using DonationRegistry.OrganCoordination.Domain;
using DonationRegistry.OrganCoordination.Domain.OrganCases;

namespace DonationRegistry.OrganCoordination.Application;

/// <summary>
/// The registry question when a body or tissue case is opened: the donor's ID number (checked by the shared helper, never stored) is
/// used once to ask the registry for the body-and-tissue programme. A registration links the case (its outcome flows back); a
/// written objection refuses the case; no number asks nothing. UNAVAILABLE when the registry cannot be reached (nothing written).
/// </summary>
public sealed class DonationRegistryLookup(DonorIdNumbers idNumbers, IRegistry registry)
{
    /// <summary>Checks the number's form only (INVALID_ARGUMENT naming the field), before anything else is done.</summary>
    public ProtectedIdNumber? Validate(IdType? type, string? number) => idNumbers.Protect(type, number);

    public async Task<Guid?> RegistrationOfAsync(ProtectedIdNumber? donorId, DonationKind donation, string purpose,
        CancellationToken cancellationToken)
    {
        if (donorId is null)
        {
            return null;
        }
        var check = await registry.CheckAsync(donorId.Type, idNumbers.Reveal(donorId), donation, purpose, cancellationToken);
        return check.Answer switch
        {
            RegistryAnswer.Objection => throw new IllegalTransitionException("PriorObjection", "Create" + donation + "Case", [],
                "登记库中有本人书面反对捐献的记录（条例第九条），不能开启捐献案例。"),
            RegistryAnswer.Registered => check.RegistrationId,
            _ => null,
        };
    }
}
