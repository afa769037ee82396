namespace DonationRegistry.Common.Errors;

/// <summary>A workflow trigger that the current state does not allow: FAILED_PRECONDITION naming the state and what is allowed.</summary>
public sealed class IllegalTransitionException(string state, string trigger, IReadOnlyCollection<string> allowedTriggers, string? localizedMessage = null)
    : DomainException(
        $"Cannot {trigger} while in state {state}. Allowed now: {(allowedTriggers.Count == 0 ? "none" : string.Join(", ", allowedTriggers))}.",
        localizedMessage)
{
    public string State { get; } = state;
    public string Trigger { get; } = trigger;
    public IReadOnlyCollection<string> AllowedTriggers { get; } = allowedTriggers;
}
