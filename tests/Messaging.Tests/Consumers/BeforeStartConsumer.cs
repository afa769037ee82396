using DonationRegistry.Messaging.Tests.Events;
using DonationRegistry.Messaging.Tests.Infrastructure;

namespace DonationRegistry.Messaging.Tests.Consumers;

public sealed class BeforeStartConsumer(TestDb db) : ReceiptConsumer<PledgeMadeBeforeStart>(db);
