using DonationRegistry.Messaging.Tests.Events;
using DonationRegistry.Messaging.Tests.Infrastructure;

namespace DonationRegistry.Messaging.Tests.Consumers;

public sealed class RollbackConsumer(TestDb db) : ReceiptConsumer<PledgeMadeInRollbackTest>(db);
