using DonationRegistry.Messaging.Tests.Events;
using DonationRegistry.Messaging.Tests.Infrastructure;

namespace DonationRegistry.Messaging.Tests.Consumers;

/// <summary>Registered by two "services" (two hosts, two databases) to show each gets a queue of its own.</summary>
public sealed class SharedEventConsumer(TestDb db) : ReceiptConsumer<PledgeSharedByServices>(db);
