namespace DonationRegistry.Contracts;

/// <summary>
/// Marks an integration event: a fact one service announces to the others over the broker, after its own transaction has committed
/// (it travels through that service's transactional outbox).
/// </summary>
/// <remarks>
/// Rules for every event in this project (ARCHITECTURE.md section 5, docs/adr/004-outbox-inbox.md):
/// <list type="bullet">
/// <item>One <c>sealed record</c> per file, named in the past tense for what happened (<c>VolunteerRegistered</c>, not
/// <c>RegisterVolunteer</c>), in the namespace <c>DonationRegistry.Contracts</c> (MassTransit names exchanges after the full type
/// name, so the namespace and name are part of the wire contract: never rename or move an event, add a new one instead).</item>
/// <item>Carry identifiers and the minimal facts a consumer needs (IDs, codes, states, UTC instants as <see cref="DateTimeOffset"/>).
/// Never names, ID-card numbers, addresses, phone numbers or free text about a person: consumers that need them ask the owning
/// service over gRPC, where authorisation applies.</item>
/// <item>Evolve additively: new optional members only; a breaking change is a new event type.</item>
/// <item>The message ID is not a member: the outbox assigns a UUIDv7 per event and sends it as MassTransit's MessageId, which the
/// consumers' inbox uses to make redelivery a no-op.</item>
/// </list>
/// </remarks>
public interface IIntegrationEvent;
