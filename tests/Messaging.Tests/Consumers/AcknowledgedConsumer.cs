using DonationRegistry.Messaging.Tests.Events;
using DonationRegistry.Messaging.Tests.Infrastructure;

namespace DonationRegistry.Messaging.Tests.Consumers;

public sealed class AcknowledgedConsumer(TestDb db) : ReceiptConsumer<PledgeAcknowledged>(db);
