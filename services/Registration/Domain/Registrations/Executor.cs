namespace DonationRegistry.Registration.Domain.Registrations;

/// <summary>The executor (执行人) of a body donation (owned value).</summary>
public sealed record Executor(ExecutorKind Kind, string Name, string Phone);
